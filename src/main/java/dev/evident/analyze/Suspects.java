package dev.evident.analyze;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.SuspectReport;
import dev.evident.model.Suspicion;
import dev.evident.model.Suspicion.Kind;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds what looks tested in a run but may not be: tests of integration suites that passed in about
 * no time, tests skipped in every run of the history, suites of which nothing executed, and a jump
 * in the share of skipped tests. Reads the run's results, names and facts, and the results of the
 * runs before it (each once).
 */
public final class Suspects {

  /**
   * What counts as suspicious.
   *
   * @param runs how many runs the history holds, the run included
   * @param instantMicros a passed integration test faster than this is flagged
   * @param minRuns the fewest runs a skip streak or a median of earlier runs is taken from
   */
  public record Settings(int runs, long instantMicros, int minRuns) {
    public static final Settings DEFAULT = new Settings(10, 1_000, 3);

    public Settings {
      if (runs < 1 || instantMicros < 0 || minRuns < 2) {
        throw new IllegalArgumentException("bad settings: " + runs + ", " + instantMicros);
      }
    }
  }

  private Suspects() {}

  /**
   * Flags a run.
   *
   * @param history the run and the runs of its project before it, newest first, starting with it
   */
  public static SuspectReport find(List<Run> history, StoredResults store, Settings settings) {
    Run run = history.get(0);
    RunColumns results = RunColumns.read(store, run.id());
    List<Long> refs = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      refs.add(results.ref(i));
    }
    Map<Long, TestId> ids = store.tests(refs);
    // What marks each test as an integration test, worked out once per distinct facts: the tests
    // of one file share them.
    Map<TestFacts, String> byFacts = new HashMap<>();
    Map<Long, String> facts = new HashMap<>();
    store.facts(
        run.id(),
        (ref, f) -> {
          String marker = byFacts.computeIfAbsent(f, x -> ofFacts(x));
          if (!marker.isEmpty()) {
            facts.put(ref, marker);
          }
        });
    Map<String, Suite> suites = suites(results, ids, facts);
    SkipStreaks streaks = SkipStreaks.over(history, results, ids, store);

    boolean timed = durationsReported(results);
    List<Suspicion> found = new ArrayList<>();
    SkipRatio.jump(history, settings.minRuns()).ifPresent(found::add);
    List<Suspicion> instant = new ArrayList<>();
    List<Suspicion> skipped = new ArrayList<>();
    for (Suite suite : suites.values()) {
      if (suite.executed == 0) {
        found.add(streaks.suiteNotExecuted(suite.name, suite.tests, settings.minRuns()));
        continue;
      }
      for (int i : suite.members) {
        long ref = results.ref(i);
        Outcome outcome = results.outcome(i);
        String marker = suite.marker != null ? suite.marker : facts(facts, ref);
        long micros = results.micros(i);
        if (timed
            && outcome == Outcome.PASSED
            && marker != null
            && micros >= 0
            && micros < settings.instantMicros()) {
          instant.add(instant(suite.name, ids.get(ref), micros, settings.instantMicros(), marker));
        } else if (outcome == Outcome.SKIPPED) {
          streaks
              .alwaysSkipped(ref, suite.name, ids.get(ref), settings.minRuns())
              .ifPresent(skipped::add);
        }
      }
    }
    found.addAll(instant);
    found.addAll(skipped);
    return new SuspectReport(run, history, found, notes(history, results, suites, settings));
  }

  /** Why the test looks like an integration test by its file, tags or properties, or null. */
  private static String facts(Map<Long, String> markers, long ref) {
    return markers.get(ref);
  }

  /** {@link IntegrationMarkers#ofFacts}, empty for none. */
  private static String ofFacts(TestFacts f) {
    String marker = IntegrationMarkers.ofFacts(f);
    return marker == null ? "" : marker;
  }

  private static Suspicion instant(
      String suite, TestId test, long micros, long threshold, String marker) {
    String took =
        micros == 0 ? "0.00 s" : String.format(java.util.Locale.ROOT, "%.3f ms", micros / 1000.0);
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("micros", micros);
    figures.put("thresholdMicros", threshold);
    return new Suspicion(
        Kind.INSTANT_INTEGRATION_TEST,
        suite,
        test,
        "passed in "
            + took
            + " in an integration suite ("
            + marker
            + "): possibly not touching the real system",
        figures);
  }

  /** The suites of the run by name, with their tests' indices and what marks them integration. */
  private static Map<String, Suite> suites(
      RunColumns results, Map<Long, TestId> ids, Map<Long, String> facts) {
    Map<String, Suite> suites = new TreeMap<>();
    for (int i = 0; i < results.size(); i++) {
      TestId id = ids.get(results.ref(i));
      String name = id == null ? "" : id.suite();
      Suite suite = suites.computeIfAbsent(name, Suite::new);
      suite.members.add(i);
      suite.tests++;
      if (results.outcome(i).executed()) {
        suite.executed++;
      }
    }
    for (Suite suite : suites.values()) {
      suite.marker = IntegrationMarkers.ofSuite(suite.name);
      if (suite.marker == null) {
        for (int i : suite.members) {
          if (facts(facts, results.ref(i)) != null) {
            suite.integration = true;
            break;
          }
        }
      }
    }
    return suites;
  }

  private static List<String> notes(
      List<Run> history, RunColumns results, Map<String, Suite> suites, Settings settings) {
    List<String> notes = new ArrayList<>();
    Run oldest = history.get(history.size() - 1);
    notes.add(
        "history: "
            + (history.size() == 1
                ? "this run only"
                : "the last "
                    + history.size()
                    + " runs ("
                    + Words.runs(oldest.id(), history.get(0).id())
                    + ")"));
    if (history.size() < settings.minRuns()) {
      notes.add(
          "skip streaks and the skip-ratio comparison need at least "
              + settings.minRuns()
              + " runs; "
              + history.size()
              + (history.size() == 1 ? " is" : " are")
              + " stored up to this one");
    }
    boolean durations = durationsReported(results);
    long integration =
        suites.values().stream().filter(s -> s.marker != null || s.integration).count();
    if (!durations) {
      notes.add(
          "no durations in this run's results: integration tests that pass in no time cannot be told apart");
    } else if (integration == 0) {
      notes.add(
          "no integration or e2e suite recognised (by suite name, file path, tag or type) among "
              + Words.count(suites.size(), "suite", "suites")
              + ": durations not checked");
    } else {
      notes.add(
          "integration or e2e suites (by suite name, file path, tag or type): "
              + integration
              + " of "
              + Words.count(suites.size(), "suite", "suites"));
    }
    notes.add(
        "not checked: tests that never failed while their files changed often (no file change"
            + " history is stored)");
    return notes;
  }

  /**
   * Whether the run's results carry durations: a format that gives none, or 0 for every test, would
   * make every integration test look instant.
   */
  private static boolean durationsReported(RunColumns results) {
    for (int i = 0; i < results.size(); i++) {
      if (results.outcome(i).executed() && results.micros(i) > 0) {
        return true;
      }
    }
    return false;
  }

  /** One suite of the run. */
  private static final class Suite {
    final String name;
    final List<Integer> members = new ArrayList<>();
    long tests;
    long executed;
    String marker;
    boolean integration;

    Suite(String name) {
      this.name = Objects.requireNonNull(name);
    }
  }
}
