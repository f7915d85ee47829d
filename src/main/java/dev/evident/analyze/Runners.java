package dev.evident.analyze;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runner names rules can name, grouped by ecosystem: a rule for {@code python} applies to
 * failures from pytest and unittest. A runner name that is in no ecosystem ({@code junit} XML,
 * which any language writes; {@code tap}; {@code generic}; empty) tells nothing about the language,
 * so every rule applies to it.
 */
public final class Runners {

  private static final Map<String, List<String>> ECOSYSTEMS = new LinkedHashMap<>();

  static {
    ECOSYSTEMS.put("python", List.of("pytest", "unittest", "python", "nose2", "tox"));
    ECOSYSTEMS.put(
        "java",
        List.of(
            "maven",
            "surefire",
            "failsafe",
            "gradle",
            "junit4",
            "junit5",
            "jupiter",
            "testng",
            "java",
            "kotlin"));
    ECOSYSTEMS.put(
        "javascript",
        List.of(
            "jest",
            "vitest",
            "mocha",
            "node",
            "node-test",
            "npm-script",
            "playwright",
            "javascript",
            "typescript"));
    ECOSYSTEMS.put("go", List.of("go", "gotest"));
    ECOSYSTEMS.put("rust", List.of("cargo", "nextest", "rust"));
  }

  private static final Set<String> KNOWN = new TreeSet<>();

  static {
    ECOSYSTEMS.forEach(
        (ecosystem, runners) -> {
          KNOWN.add(ecosystem);
          KNOWN.addAll(runners);
        });
  }

  private Runners() {}

  /** The runner names an ecosystem or runner name stands for; empty when the name is unknown. */
  public static Set<String> expand(String name) {
    String key = normalize(name);
    List<String> runners = ECOSYSTEMS.get(key);
    if (runners != null) {
      return Set.copyOf(runners);
    }
    return KNOWN.contains(key) ? Set.of(key) : Set.of();
  }

  /** Every name {@link #expand} knows, sorted: ecosystems and runners. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(KNOWN);
  }

  /** Whether the name belongs to an ecosystem, so that runner-specific rules can be filtered. */
  static boolean isKnown(String runner) {
    return KNOWN.contains(runner);
  }

  static String normalize(String runner) {
    return runner == null ? "" : runner.strip().toLowerCase(Locale.ROOT);
  }
}
