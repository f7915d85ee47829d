package dev.evident.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One test's flakiness over a window of its project's runs, with the numbers behind the verdict.
 * Runs are counted only where the test executed (not skipped, not absent) and outages are left out.
 *
 * @param ref the test's ref in the store
 * @param test the test, or null when not named yet
 * @param verdict the verdict
 * @param score how flaky, in [0, 1]; 0 without evidence (see README.md, "evident flaky")
 * @param runs the runs in which the test executed, outages left out
 * @param reruns the runs in which it failed and then passed on a rerun (outcome FLAKY)
 * @param flips changes between passed and failed from one of those runs to the next
 * @param commitFlips changes between passed and failed on one commit: runs whose outcome differs
 *     from the test's previous run on the same commit
 * @param commitPairs runs that had a previous run of the test on the same commit
 * @param flipCommits the commits with such changes
 * @param topCommit the commit with the most such changes, or empty
 * @param topCommitFlips how many changes that commit has
 * @param outageFailures outage runs (left out) in which the test failed or errored
 * @param lastSeen the newest run that showed flaky behaviour (a rerun or a change), or 0
 * @param lastSeenAt when that run started (or was stored), or null
 * @param consistent how many of the newest runs in a row had the same outcome without a rerun
 * @param consistentSince the first run of those, or 0
 * @param failing whether the test failed or errored in its newest run
 * @param reasons the verdict's reasons with their numbers, as printed
 * @param quarantine why the test is in quarantine, or null when it is not
 */
public record TestFlakiness(
    long ref,
    TestId test,
    Verdict verdict,
    double score,
    int runs,
    int reruns,
    int flips,
    int commitFlips,
    int commitPairs,
    int flipCommits,
    String topCommit,
    int topCommitFlips,
    int outageFailures,
    long lastSeen,
    Instant lastSeenAt,
    int consistent,
    long consistentSince,
    boolean failing,
    List<String> reasons,
    String quarantine) {

  /** What the evidence says about a test. */
  public enum Verdict {
    /** The score reaches the threshold and the test has not recovered. */
    FLAKY,
    /** It was flaky in the window, but its newest runs were consistent long enough. */
    RECOVERED,
    /** Some evidence of flakiness, below the threshold. */
    WATCH,
    /** Its outcome changed once and stayed (broke, or was fixed): not flaky. */
    CHANGED,
    /** The same outcome in every run: not flaky. */
    CONSISTENT,
    /** Too few runs for a verdict. */
    TOO_FEW_RUNS
  }

  public TestFlakiness {
    Objects.requireNonNull(verdict, "verdict");
    topCommit = topCommit == null ? "" : topCommit;
    reasons = List.copyOf(reasons);
    if (score < 0 || score > 1) {
      throw new IllegalArgumentException("score out of [0, 1]: " + score);
    }
  }

  /** The same with the test's identity and its quarantine reason (null when not quarantined). */
  public TestFlakiness named(TestId id, String quarantineReason) {
    return new TestFlakiness(
        ref,
        id,
        verdict,
        score,
        runs,
        reruns,
        flips,
        commitFlips,
        commitPairs,
        flipCommits,
        topCommit,
        topCommitFlips,
        outageFailures,
        lastSeen,
        lastSeenAt,
        consistent,
        consistentSince,
        failing,
        reasons,
        quarantineReason);
  }
}
