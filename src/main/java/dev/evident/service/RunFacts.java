package dev.evident.service;

import dev.evident.model.EvalKeys;
import dev.evident.model.Problem;
import dev.evident.model.SuiteInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluation facts a file gives for the whole run rather than per test: a JUnit {@code
 * <testsuite>}'s properties {@code model}, {@code agent}, {@code package} (or {@code dataset}), or
 * CTRF's top-level and {@code results.extra} fields of those names. They become run attributes when
 * every suite that names one agrees; suites that disagree leave it unset, with a warning.
 */
final class RunFacts {

  private static final List<String> KEYS =
      List.of(EvalKeys.MODEL, EvalKeys.AGENT, EvalKeys.PACKAGE, "dataset");

  private final Map<String, TreeSet<String>> seen = new TreeMap<>();

  void suite(SuiteInfo suite) {
    for (String key : KEYS) {
      String value = suite.properties().get(key);
      if (value == null) {
        value = suite.properties().get("extra." + key);
      }
      if (value != null && !value.isBlank()) {
        seen.computeIfAbsent(key, k -> new TreeSet<>()).add(value.strip());
      }
    }
  }

  /** The facts every suite that names them agrees on. */
  Map<String, String> agreed() {
    Map<String, String> out = new TreeMap<>();
    seen.forEach(
        (k, values) -> {
          if (values.size() == 1) {
            out.put(k, values.first());
          }
        });
    return out;
  }

  /** A warning naming the facts the suites disagree on, if any. */
  Optional<Problem> warning() {
    List<String> split =
        seen.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
            .toList();
    return split.isEmpty()
        ? Optional.empty()
        : Optional.of(
            Problem.warning(
                "",
                0,
                "suites name different "
                    + String.join(", ", split)
                    + ": not kept for the run; give the run's with --attr, or put them on each"
                    + " test"));
  }
}
