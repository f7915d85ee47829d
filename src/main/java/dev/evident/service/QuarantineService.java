package dev.evident.service;

import dev.evident.model.Outcome;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.RunQuarantine;
import dev.evident.model.TestId;
import dev.evident.report.QuarantineText;
import dev.evident.store.ResultStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The quarantine: tests whose failures are known and expected until they are fixed. Runs keep their
 * true status; {@code run}, {@code ingest} and {@code show} mark quarantined failures and forgive
 * them in the exit code; reports and gates read {@link #quarantined}.
 */
public final class QuarantineService {

  private final ResultStore store;
  private final Clock clock;

  QuarantineService(ResultStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Puts tests in quarantine, each as {@code evident show} prints it ({@code Suite >
   * name[params]}). A test the project never had is an error naming it, with the closest names,
   * unless {@code force}; then nothing is stored.
   *
   * @param project the project, or null for the project of the newest run
   */
  public List<QuarantinedTest> add(
      String project, List<String> tests, String reason, boolean force) {
    String name =
        force && project != null && store.latest(project).isEmpty()
            ? project
            : Projects.resolve(store, project);
    List<String> wanted = distinct(tests);
    if (!force) {
      List<String> known = new ArrayList<>();
      store.tests(name, (ref, id) -> known.add(id.toString()));
      Set<String> knownSet = new HashSet<>(known);
      List<String> unknown = wanted.stream().filter(t -> !knownSet.contains(t)).toList();
      if (!unknown.isEmpty()) {
        throw new InputException(unknownTests(name, unknown, known));
      }
    }
    List<QuarantinedTest> added = new ArrayList<>();
    for (String test : wanted) {
      added.add(store.quarantine(new QuarantinedTest(name, test, reason, clock.instant())));
    }
    return added;
  }

  /**
   * Takes tests out of quarantine. A test that is not in quarantine is an error naming it; then
   * none is taken out.
   *
   * @param project the project, or null for the project of the newest run
   * @return the tests taken out
   */
  public List<QuarantinedTest> remove(String project, List<String> tests) {
    String name = project != null ? project : Projects.resolve(store, null);
    Map<String, QuarantinedTest> current = new LinkedHashMap<>();
    quarantined(name).forEach(q -> current.put(q.test(), q));
    List<String> wanted = distinct(tests);
    List<String> missing = wanted.stream().filter(t -> !current.containsKey(t)).toList();
    if (!missing.isEmpty()) {
      throw new InputException(
          (missing.size() == 1 ? "not in quarantine" : missing.size() + " tests not in quarantine")
              + " in project "
              + name
              + ": "
              + quoted(missing)
              + TestHints.hint(missing.get(0), List.copyOf(current.keySet()))
              + " (evident quarantine list shows what is); nothing was taken out");
    }
    List<QuarantinedTest> removed = new ArrayList<>();
    for (String test : wanted) {
      store.unquarantine(name, test);
      removed.add(current.get(test));
    }
    return removed;
  }

  /**
   * The quarantined tests of a project, or of every project when {@code project} is null, by
   * project and test. What reports and gates treat as known failures.
   */
  public List<QuarantinedTest> quarantined(String project) {
    return store.quarantined(project);
  }

  /** The failures of a run whose tests are quarantined now; cheap when none of its project is. */
  public RunQuarantine inRun(Run run) {
    Map<String, String> reasons = new HashMap<>();
    for (QuarantinedTest q : store.quarantined(run.project())) {
      reasons.put(q.test(), q.reason());
    }
    if (reasons.isEmpty() || run.counts().executed() == run.counts().passed()) {
      return RunQuarantine.NONE;
    }
    Map<Long, Outcome> failing = new HashMap<>();
    store.results(
        run.id(),
        (ref, outcome, micros) -> {
          if (outcome.broken() || outcome == Outcome.FLAKY) {
            failing.put(ref, outcome);
          }
        });
    Map<TestId, String> marked = new HashMap<>();
    long broken = 0;
    long flaky = 0;
    for (Map.Entry<Long, TestId> e : store.tests(failing.keySet()).entrySet()) {
      String reason = reasons.get(e.getValue().toString());
      if (reason != null) {
        marked.put(e.getValue(), reason);
        if (failing.get(e.getKey()) == Outcome.FLAKY) {
          flaky++;
        } else {
          broken++;
        }
      }
    }
    return new RunQuarantine(marked, broken, flaky);
  }

  public static String text(List<QuarantinedTest> tests, String project) {
    return QuarantineText.list(tests, project);
  }

  public static List<Object> json(List<QuarantinedTest> tests) {
    return QuarantineText.json(tests);
  }

  private static List<String> distinct(List<String> tests) {
    Set<String> seen = new java.util.LinkedHashSet<>();
    for (String t : tests) {
      if (!t.isBlank()) {
        seen.add(t.strip());
      }
    }
    if (seen.isEmpty()) {
      throw new InputException("name at least one test, as evident show prints it: 'Suite > name'");
    }
    return List.copyOf(seen);
  }

  private static String unknownTests(String project, List<String> unknown, List<String> known) {
    StringBuilder message =
        new StringBuilder(
                unknown.size() == 1 ? "unknown test " : unknown.size() + " unknown tests ")
            .append(quoted(unknown))
            .append(" in project ")
            .append(project);
    message.append(TestHints.hint(unknown.get(0), known));
    return message
        .append(" (give tests as evident show prints them: 'Suite > name[params]';")
        .append(" --force quarantines a test that has not run yet); nothing was quarantined")
        .toString();
  }

  private static String quoted(List<String> tests) {
    return String.join(", ", tests.stream().map(t -> "'" + t + "'").toList());
  }
}
