package dev.evident.analyze;

import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.Outcome;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestFlakiness.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores how flaky each test of a project is over a window of its runs, from three kinds of
 * evidence: reruns (the test failed, then passed in the same run: outcome FLAKY), outcome flips on
 * one commit (a run whose outcome differs from the test's previous run on the same commit), and
 * flips over the window (changes between passed and failed from one run to the next). Runs in which
 * the test was skipped or absent do not count, and outages (most tests failing for one cause, see
 * {@link HistoryRun#outage}) are left out. See README.md, "evident flaky", for the formula. Pure:
 * the history is passed in. Thread safe.
 */
public final class FlakinessScorer {

  private static final byte FAILED = (byte) (Outcome.FAILED.ordinal() + 1);
  private static final byte ERRORED = (byte) (Outcome.ERRORED.ordinal() + 1);
  private static final byte SKIPPED = (byte) (Outcome.SKIPPED.ordinal() + 1);
  private static final byte FLAKY = (byte) (Outcome.FLAKY.ordinal() + 1);

  private final FlakySettings settings;

  public FlakinessScorer(FlakySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The report of a project: the tests with evidence of flakiness (flaky, recovered, watch),
   * highest score first, not yet named; every test counted by verdict.
   *
   * @param runs the window's runs, oldest first, as {@code history} indexes them
   */
  public FlakinessReport report(String project, List<HistoryRun> runs, OutcomeHistory history) {
    int[] byVerdict = new int[Verdict.values().length];
    List<TestFlakiness> shown = new ArrayList<>();
    // Only the shown tests are built with their reasons; the rest (most) are only counted.
    score(runs, history, false, shown, byVerdict);
    shown.sort(
        Comparator.comparing(TestFlakiness::verdict)
            .thenComparing(Comparator.comparingDouble(TestFlakiness::score).reversed())
            .thenComparing(Comparator.comparingLong(TestFlakiness::lastSeen).reversed())
            .thenComparingLong(TestFlakiness::ref));
    List<FlakinessReport.Outage> outages = new ArrayList<>();
    for (HistoryRun r : runs) {
      if (r.outage(settings.outageShare())) {
        outages.add(
            new FlakinessReport.Outage(
                r.id(), r.broken(), r.executed(), r.sharedCause(), r.cause()));
      }
    }
    return new FlakinessReport(
        project,
        settings,
        runs.stream().map(HistoryRun::id).toList(),
        outages,
        shown,
        history.size(),
        java.util.Arrays.stream(byVerdict).boxed().toList());
  }

  /** Every test of the history, in row order. */
  public List<TestFlakiness> scoreAll(List<HistoryRun> runs, OutcomeHistory history) {
    List<TestFlakiness> tests = new ArrayList<>(history.size());
    score(runs, history, true, tests, new int[Verdict.values().length]);
    return tests;
  }

  /**
   * Scores every test of the history in row order, counting them by verdict; adds to {@code tests}
   * every test when {@code all}, else only those with evidence of flakiness (WATCH or worse).
   */
  private void score(
      List<HistoryRun> runs,
      OutcomeHistory history,
      boolean all,
      List<TestFlakiness> tests,
      int[] byVerdict) {
    if (runs.size() != history.runs()) {
      throw new IllegalArgumentException(
          runs.size() + " runs for a history of " + history.runs() + " runs");
    }
    int n = runs.size();
    boolean[] outage = new boolean[n];
    int[] commit = new int[n];
    Map<String, Integer> commits = new HashMap<>();
    for (int r = 0; r < n; r++) {
      HistoryRun run = runs.get(r);
      outage[r] = run.outage(settings.outageShare());
      commit[r] =
          run.commit() == null ? -1 : commits.computeIfAbsent(run.commit(), c -> commits.size());
    }
    String[] commitNames = new String[commits.size()];
    commits.forEach((name, i) -> commitNames[i] = name);
    String[] shortNames = FlakyReasons.shortCommits(commitNames);
    Scratch scratch = new Scratch(commits.size());
    for (int row = 0; row < history.size(); row++) {
      TestFlakiness t =
          score(row, runs, history, outage, commit, commitNames, shortNames, scratch, all);
      byVerdict[scratch.verdict.ordinal()]++;
      if (t != null) {
        tests.add(t);
      }
    }
  }

  /** Per-commit state of the test being scored; a stamp marks what belongs to it. */
  private static final class Scratch {
    final int[] stamp;
    final int[] lastState;
    final int[] flips;
    int current;
    Verdict verdict;

    Scratch(int commits) {
      stamp = new int[commits];
      lastState = new int[commits];
      flips = new int[commits];
    }
  }

  private TestFlakiness score(
      int row,
      List<HistoryRun> runs,
      OutcomeHistory history,
      boolean[] outage,
      int[] commit,
      String[] commitNames,
      String[] shortNames,
      Scratch s,
      boolean all) {
    s.current++;
    int executed = 0, reruns = 0, flips = 0, commitFlips = 0, commitPairs = 0, outageFailures = 0;
    int flipCommits = 0, top = -1, lastSeen = -1, lastChange = -1, previous = -1;
    for (int r = 0; r < runs.size(); r++) {
      byte b = history.code(row, r);
      if (b == OutcomeHistory.ABSENT || b == SKIPPED) {
        continue;
      }
      int state = b == FAILED || b == ERRORED ? 1 : 0;
      if (outage[r]) {
        outageFailures += state;
        continue;
      }
      executed++;
      if (b == FLAKY) {
        reruns++;
        lastSeen = r;
      }
      if (previous >= 0 && state != previous) {
        flips++;
        lastChange = r;
        lastSeen = r;
      }
      int c = commit[r];
      if (c >= 0) {
        if (s.stamp[c] == s.current) {
          commitPairs++;
          if (s.lastState[c] != state) {
            commitFlips++;
            if (s.flips[c]++ == 0) {
              flipCommits++;
            }
            if (top < 0 || s.flips[c] > s.flips[top]) {
              top = c;
            }
          }
        } else {
          s.stamp[c] = s.current;
          s.flips[c] = 0;
        }
        s.lastState[c] = state;
      }
      previous = state;
    }
    int consistent = 0;
    long consistentSince = 0;
    int want = -1;
    for (int r = runs.size() - 1; r >= 0; r--) {
      byte b = history.code(row, r);
      if (b == OutcomeHistory.ABSENT || b == SKIPPED || outage[r]) {
        continue;
      }
      int state = b == FAILED || b == ERRORED ? 1 : 0;
      if (b == FLAKY || (want >= 0 && state != want)) {
        break;
      }
      want = state;
      consistent++;
      consistentSince = runs.get(r).id();
    }
    Verdict verdict;
    double score = 0;
    if (executed < settings.minRuns()) {
      verdict = Verdict.TOO_FEW_RUNS;
    } else if (reruns == 0 && flips <= 1) {
      // A test that broke and stays broken (or was fixed) changed once: that is not flakiness.
      verdict = flips == 1 ? Verdict.CHANGED : Verdict.CONSISTENT;
    } else {
      double rerunRate = (double) reruns / executed;
      double commitRate = commitPairs == 0 ? 0 : commitFlips / (2.0 * commitPairs);
      // One failure that came and went (two flips) may be a commit that broke it and the next
      // that fixed it: flips count from the third on.
      double flipRate = Math.max(0, flips - 2) / (2.0 * (executed - 1));
      score = 1 - (1 - rerunRate) * (1 - Math.max(commitRate, flipRate));
      score = Math.min(1, Math.max(0, score));
      verdict =
          score < settings.threshold()
              ? Verdict.WATCH
              : consistent >= settings.recoveryRuns() ? Verdict.RECOVERED : Verdict.FLAKY;
    }
    s.verdict = verdict;
    if (!all && verdict.compareTo(Verdict.WATCH) > 0) {
      return null;
    }
    HistoryRun seen = lastSeen < 0 ? null : runs.get(lastSeen);
    FlakyReasons.Facts facts =
        new FlakyReasons.Facts(
            verdict,
            executed,
            reruns,
            flips,
            commitFlips,
            flipCommits,
            top < 0 ? "" : commitNames[top],
            top < 0 ? "" : shortNames[top],
            top < 0 ? 0 : s.flips[top],
            outageFailures,
            consistent,
            consistentSince,
            previous == 1,
            lastChange < 0 ? 0 : runs.get(lastChange).id(),
            settings);
    return new TestFlakiness(
        history.ref(row),
        null,
        verdict,
        score,
        executed,
        reruns,
        flips,
        commitFlips,
        commitPairs,
        flipCommits,
        facts.topCommit(),
        facts.topCommitFlips(),
        outageFailures,
        seen == null ? 0 : seen.id(),
        seen == null ? null : seen.at(),
        consistent,
        consistentSince,
        previous == 1,
        FlakyReasons.of(facts),
        null);
  }
}
