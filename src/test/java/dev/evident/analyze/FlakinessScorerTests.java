package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestFlakiness.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Histories of one test (see {@link Histories} for the notation) and the verdicts they earn. */
class FlakinessScorerTests {

  private static final FlakySettings SETTINGS = FlakySettings.DEFAULT;

  private static TestFlakiness score(String outcomes, String commits, String kinds) {
    return score(SETTINGS, outcomes, commits, kinds);
  }

  private static TestFlakiness score(
      FlakySettings settings, String outcomes, String commits, String kinds) {
    return new FlakinessScorer(settings)
        .scoreAll(Histories.runs(outcomes.length(), commits, kinds), Histories.outcomes(outcomes))
        .get(0);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // what | outcomes | commits | runs | verdict | score | reasons
        "rerun evidence | PPPPKPPPPK | | | FLAKY | 0.20 | passed on a rerun in 2 of 10 runs",
        "flips on one commit | PPFPPPPPPP | aaaaabbbbb | | FLAKY | 0.13"
            + " | 2 outcome flips on commit aaaaaaa; 2 flips in 10 runs; 7 consistent runs since"
            + " run 104 (recovered after 10)",
        "flips on several commits | PFPPPFPPPP | aaabbbcccc | | FLAKY | 0.21"
            + " | 3 outcome flips on the same commit, on 2 commits (most: 2 on aaaaaaa);"
            + " 4 flips in 10 runs",
        "flips without commits | PFPFPPPPPP | | | FLAKY | 0.11"
            + " | 4 flips in 10 runs; 6 consistent runs since run 105 (recovered after 10)",
        "one blip in many runs | PPPPPPPPPPPPPPPPPPPPFPPPPPPPPPPPPPPPPPPP | | | WATCH | 0.00"
            + " | 2 flips in 40 runs",
        "broke and stays broken | PPPPPFFFFF | | | CHANGED | 0.00"
            + " | one change in 10 runs: failing since run 106 (a test that broke or was fixed is"
            + " not flaky)",
        "broke on one commit and stays broken | PPPPPFFFFF | aaaaaaaaaa | | CHANGED | 0.00"
            + " | one change in 10 runs: failing since run 106 (a test that broke or was fixed is"
            + " not flaky)",
        "fixed | EEEEPPPPPP | | | CHANGED | 0.00"
            + " | one change in 10 runs: passing since run 105 (a test that broke or was fixed is"
            + " not flaky)",
        "always failing | FFEFFFEFFF | | | CONSISTENT | 0.00 | failed in all 10 runs",
        "always passing | PPPPPPPPPP | | | CONSISTENT | 0.00 | passed in all 10 runs",
        "too few runs | PKP | | | TOO_FEW_RUNS | 0.00"
            + " | executed in 3 runs of the window, 5 needed for a verdict",
        "skipped and absent runs do not count | KSS--SSPPS | | | TOO_FEW_RUNS | 0.00"
            + " | executed in 3 runs of the window, 5 needed for a verdict",
        "failures in outages are left out | PPPFPPPFPP | | ...O...O.. | CONSISTENT | 0.00"
            + " | passed in all 8 runs; 2 outage runs left out (it failed in them)",
        "a run where most failed for many causes is no outage | PPPFPPPFPP | | ...M...M.. | FLAKY"
            + " | 0.11 | 4 flips in 10 runs",
        "recovered | PKPKPKPPPPPPPPPPPPPP | | | RECOVERED | 0.15"
            + " | passed on a rerun in 3 of 20 runs; recovered: 14 consistent runs since run 107",
        "consistent but not long enough | PPPPPPPPPPKPKPKPPPPPP | | | FLAKY | 0.14"
            + " | passed on a rerun in 3 of 21 runs; 6 consistent runs since run 116 (recovered"
            + " after 10)",
      })
  void scoresAHistory(
      String what,
      String outcomes,
      String commits,
      String kinds,
      Verdict verdict,
      String score,
      String reasons) {
    TestFlakiness t = score(outcomes, commits == null ? "" : commits, kinds == null ? "" : kinds);

    assertThat(t.verdict()).as(what).isEqualTo(verdict);
    assertThat(String.format(java.util.Locale.ROOT, "%.2f", t.score())).as(what).isEqualTo(score);
    assertThat(String.join("; ", t.reasons())).as(what).isEqualTo(reasons);
  }

  @Test
  void sameCommitEvidenceCountsAgainstThePreviousRunOfThatCommitEvenWhenBranchesInterleave() {
    // Commits a and b alternate (two branches); the test fails only on b's second run.
    TestFlakiness t = score("PPPPPFPPPP", "ababababab", "");

    assertThat(t.commitPairs()).isEqualTo(8);
    assertThat(t.commitFlips()).isEqualTo(2);
    assertThat(t.flipCommits()).isEqualTo(1);
    assertThat(t.topCommit()).isEqualTo("bbbbbbb");
    assertThat(t.reasons()).contains("2 outcome flips on commit bbbbbbb");
  }

  @Test
  void lastSeenIsTheNewestRunWithARerunOrAFlip() {
    TestFlakiness t = score("PKPPPFPPPP", "", "");

    assertThat(t.lastSeen()).isEqualTo(Histories.FIRST_ID + 6);
    assertThat(t.lastSeenAt()).isEqualTo(java.time.Instant.parse("2026-03-01T06:00:00Z"));
    assertThat(t.consistent()).isEqualTo(4);
    assertThat(t.consistentSince()).isEqualTo(Histories.FIRST_ID + 6);
  }

  @Test
  void thresholdMinimumRunsAndRecoveryComeFromTheSettings() {
    String history = "PPPPKPPPPKPP";
    FlakySettings strict = new FlakySettings(50, 13, 0.05, 10, 0.5);
    FlakySettings lenient = new FlakySettings(50, 5, 0.5, 10, 0.5);
    FlakySettings quickRecovery = new FlakySettings(50, 5, 0.05, 2, 0.5);

    assertThat(score(history, "", "").verdict()).isEqualTo(Verdict.FLAKY);
    assertThat(score(strict, history, "", "").verdict()).isEqualTo(Verdict.TOO_FEW_RUNS);
    assertThat(score(lenient, history, "", "").verdict()).isEqualTo(Verdict.WATCH);
    assertThat(score(quickRecovery, history, "", "").verdict()).isEqualTo(Verdict.RECOVERED);
  }

  @Test
  void theReportListsFlakyThenRecoveredThenWatchedTestsByScoreAndCountsEveryVerdict() {
    List<HistoryRun> runs = Histories.runs(20, "", "......O.............");
    OutcomeHistory history =
        Histories.outcomes(
            "PPPPKPPPPKPPPPKPPPPK", // 1: flaky, 4 reruns
            "PKPKPKPKPKPKPKPKPKPK", // 2: flaky, 10 reruns
            "PKPKPKPPPPPPPPPPPPPP", // 3: recovered
            "PPPPPPPPPPPPPPPPPPPP", // 4: consistent
            "PPPPPPFFFFFFFFFFFFFF", // 5: changed (its first failure is in the outage)
            "PPPPPPPPPFPPPPPPPPPP", // 6: watch, a blip
            "SSSSSSSSSSSSSSSSSKPP"); // 7: too few runs

    FlakinessReport report = new FlakinessScorer(SETTINGS).report("shop", runs, history);

    assertThat(report.tests()).extracting(TestFlakiness::ref).containsExactly(2L, 1L, 3L, 6L);
    assertThat(report.total()).isEqualTo(7);
    assertThat(report.byVerdict()).containsExactly(2, 1, 1, 1, 1, 1);
    assertThat(report.runs()).hasSize(20).startsWith(101L).endsWith(120L);
    assertThat(report.outages()).extracting(FlakinessReport.Outage::run).containsExactly(107L);
    assertThat(report.outages().get(0).cause()).isEqualTo("Connection refused");
  }

  @Test
  void commitHashesAreShortenedAsFarAsTheWindowsCommitsStayApart() {
    String[] names =
        FlakyReasons.shortCommits(
            new String[] {
              "0000000000000000000000000000000000abc141",
              "0000000000000000000000000000000000abc142",
              "9f2c4e1aa7d3b8e6c1f0a9b8c7d6e5f4a3b2c1d0",
              "main"
            });

    assertThat(names)
        .containsExactly(
            "0000000000000000000000000000000000abc141",
            "0000000000000000000000000000000000abc142",
            "9f2c4e1aa7d3b8e6c1f0a9b8c7d6e5f4a3b2c1d0",
            "main");
    assertThat(FlakyReasons.shortCommits(new String[] {"9f2c4e1aa7d3b8e6c1f0", "9f2c4e2bb"}))
        .containsExactly("9f2c4e1", "9f2c4e2bb");
  }
}
