package dev.evident.analyze;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.Suspicion;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the tests a run skipped fared in the runs before it: in how many they appeared and were
 * skipped, and in how many of those runs some test of their suite executed. Reads each earlier
 * run's results once and keeps only the run's skipped tests.
 */
final class SkipStreaks {

  private final List<Run> history;
  private final RefTable slots = new RefTable();
  private final List<String> suiteOf = new ArrayList<>();
  private final List<int[]> counts = new ArrayList<>(); // appearances, skips
  private final Map<String, List<Integer>> bySuite = new HashMap<>();
  private final Map<String, int[]> suiteExecuted = new HashMap<>(); // runs some test executed in
  private final Map<String, Long> lastExecuted = new HashMap<>();

  private SkipStreaks(List<Run> history) {
    this.history = history;
  }

  /** Follows the skipped tests of {@code results} (the newest run of history) back in history. */
  static SkipStreaks over(
      List<Run> history, RunColumns results, Map<Long, TestId> ids, StoredResults store) {
    SkipStreaks streaks = new SkipStreaks(history);
    for (int i = 0; i < results.size(); i++) {
      if (results.outcome(i) == Outcome.SKIPPED) {
        TestId id = ids.get(results.ref(i));
        String suite = id == null ? "" : id.suite();
        streaks.slots.put(results.ref(i), streaks.counts.size());
        streaks.bySuite.computeIfAbsent(suite, s -> new ArrayList<>()).add(streaks.counts.size());
        streaks.suiteOf.add(suite);
        streaks.counts.add(new int[] {1, 1});
      }
    }
    if (streaks.counts.isEmpty()) {
      return streaks;
    }
    for (Run earlier : history.subList(1, history.size())) {
      Set<String> executed = new HashSet<>();
      store.results(
          earlier.id(),
          (ref, outcome, micros) -> {
            int slot = streaks.slots.get(ref);
            if (slot < 0) {
              return;
            }
            int[] c = streaks.counts.get(slot);
            c[0]++;
            if (outcome == Outcome.SKIPPED) {
              c[1]++;
            } else {
              executed.add(streaks.suiteOf.get(slot));
            }
          });
      for (String suite : executed) {
        streaks.suiteExecuted.computeIfAbsent(suite, s -> new int[1])[0]++;
        streaks.lastExecuted.putIfAbsent(suite, earlier.id());
      }
    }
    return streaks;
  }

  /** The flag for a skipped test that was skipped in every run it appeared in, at least minRuns. */
  Optional<Suspicion> alwaysSkipped(long ref, String suite, TestId test, int minRuns) {
    int slot = slots.get(ref);
    if (slot < 0) {
      return Optional.empty();
    }
    int appearances = counts.get(slot)[0];
    int skips = counts.get(slot)[1];
    if (appearances < minRuns || skips < appearances) {
      return Optional.empty();
    }
    long first = history.get(history.size() - 1).id();
    long last = history.get(0).id();
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("skippedRuns", (long) skips);
    figures.put("appearances", (long) appearances);
    figures.put("historyRuns", (long) history.size());
    figures.put("firstRun", first);
    figures.put("lastRun", last);
    String where =
        appearances == history.size()
            ? "in all " + skips + " of the last " + history.size() + " runs"
            : "in all " + skips + " runs it appeared in, of the last " + history.size();
    return Optional.of(
        new Suspicion(
            Suspicion.Kind.ALWAYS_SKIPPED,
            suite,
            test,
            "skipped " + where + " (" + Words.runs(first, last) + ")",
            figures));
  }

  /** The flag for a suite of which no test executed in the run. */
  Suspicion suiteNotExecuted(String suite, long tests, int minRuns) {
    int before = history.size() - 1;
    int executedIn = suiteExecuted.containsKey(suite) ? suiteExecuted.get(suite)[0] : 0;
    long streak =
        bySuite.getOrDefault(suite, List.of()).stream()
            .filter(
                slot ->
                    counts.get(slot)[0] >= minRuns && counts.get(slot)[1] == counts.get(slot)[0])
            .count();
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tests", tests);
    figures.put("skipped", tests);
    figures.put("runsBefore", (long) before);
    figures.put("runsExecuted", (long) executedIn);
    figures.put("alwaysSkippedTests", streak);
    StringBuilder reason =
        new StringBuilder("collected ")
            .append(Words.count(tests, "test", "tests"))
            .append(", executed none (")
            .append(tests == 1 ? "it was skipped" : "all " + Words.count(tests) + " skipped")
            .append(")");
    if (before > 0) {
      long first = history.get(history.size() - 1).id();
      long last = history.get(1).id();
      figures.put("firstRun", first);
      figures.put("lastRun", last);
      if (executedIn == 0) {
        reason
            .append("; none executed in the ")
            .append(Words.count(before, "run", "runs"))
            .append(" before it either (")
            .append(Words.runs(first, last))
            .append(")");
      } else {
        figures.put("lastExecutedRun", lastExecuted.get(suite));
        reason
            .append("; some executed in ")
            .append(executedIn)
            .append(" of the ")
            .append(Words.count(before, "run", "runs"))
            .append(" before it, last in run ")
            .append(lastExecuted.get(suite));
      }
    }
    return new Suspicion(
        Suspicion.Kind.SUITE_NOT_EXECUTED, suite, null, reason.toString(), figures);
  }
}
