package dev.evident.analyze;

import dev.evident.model.FlakySettings;
import dev.evident.model.TestFlakiness.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons of a flakiness verdict, each with its numbers, as {@code evident flaky} prints them.
 */
final class FlakyReasons {

  private FlakyReasons() {}

  /** What the scorer found for one test. */
  record Facts(
      Verdict verdict,
      int runs,
      int reruns,
      int flips,
      int commitFlips,
      int flipCommits,
      String topCommit,
      String topCommitName,
      int topCommitFlips,
      int outageFailures,
      int consistent,
      long consistentSince,
      boolean failing,
      long lastChange,
      FlakySettings settings) {}

  static List<String> of(Facts f) {
    List<String> reasons = new ArrayList<>();
    switch (f.verdict()) {
      case TOO_FEW_RUNS ->
          reasons.add(
              "executed in "
                  + runs(f.runs())
                  + " of the window, "
                  + f.settings().minRuns()
                  + " needed for a verdict");
      case CONSISTENT ->
          reasons.add((f.failing() ? "failed in all " : "passed in all ") + runs(f.runs()));
      case CHANGED ->
          reasons.add(
              "one change in "
                  + runs(f.runs())
                  + (f.failing() ? ": failing since run " : ": passing since run ")
                  + f.lastChange()
                  + " (a test that broke or was fixed is not flaky)");
      case FLAKY, RECOVERED, WATCH -> evidence(f, reasons);
    }
    if (f.outageFailures() > 0) {
      reasons.add(
          f.outageFailures()
              + (f.outageFailures() == 1 ? " outage run" : " outage runs")
              + " left out (it failed in "
              + (f.outageFailures() == 1 ? "it)" : "them)"));
    }
    return reasons;
  }

  private static void evidence(Facts f, List<String> reasons) {
    if (f.reruns() > 0) {
      reasons.add("passed on a rerun in " + f.reruns() + " of " + runs(f.runs()));
    }
    if (f.commitFlips() > 0) {
      String commit = f.topCommitName();
      if (f.flipCommits() == 1) {
        reasons.add(
            flips(f.commitFlips(), "outcome flip", "outcome flips") + " on commit " + commit);
      } else if (f.topCommitFlips() == 1) {
        reasons.add("1 outcome flip on each of " + f.flipCommits() + " commits");
      } else {
        reasons.add(
            f.commitFlips()
                + " outcome flips on the same commit, on "
                + f.flipCommits()
                + " commits (most: "
                + f.topCommitFlips()
                + " on "
                + commit
                + ")");
      }
    }
    if (f.flips() > 0) {
      reasons.add(flips(f.flips(), "flip", "flips") + " in " + runs(f.runs()));
    }
    if (f.verdict() == Verdict.RECOVERED) {
      reasons.add(
          "recovered: " + f.consistent() + " consistent runs since run " + f.consistentSince());
    } else if (f.verdict() == Verdict.FLAKY && 2 * f.consistent() >= f.settings().recoveryRuns()) {
      reasons.add(
          f.consistent()
              + " consistent runs since run "
              + f.consistentSince()
              + " (recovered after "
              + f.settings().recoveryRuns()
              + ")");
    }
  }

  private static String runs(int n) {
    return n == 1 ? "1 run" : n + " runs";
  }

  private static String flips(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * Commits as people quote them: hashes by their first 7 characters, or as many more as tell the
   * window's commits apart (as git abbreviates); other names whole. In the order given.
   */
  static String[] shortCommits(String[] commits) {
    int length = 7;
    while (length < 40 && !distinct(commits, length)) {
      length++;
    }
    String[] names = new String[commits.length];
    for (int i = 0; i < commits.length; i++) {
      names[i] =
          hash(commits[i])
              ? commits[i].substring(0, Math.min(length, commits[i].length()))
              : commits[i];
    }
    return names;
  }

  private static boolean distinct(String[] commits, int length) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String c : commits) {
      if (hash(c) && !seen.add(c.substring(0, Math.min(length, c.length())))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hash(String commit) {
    return commit.length() > 12 && commit.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
