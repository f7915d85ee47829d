package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.cli.ReportFixtures;
import dev.evident.model.Outcome;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.report.StatusReport;
import dev.evident.store.RunWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sections of a status report, each from the analysis it comes from. */
class ReportServiceTests {

  @TempDir Path dir;

  private StatusReport report(long run, String baseline) {
    try (Workspace workspace = Workspace.open(dir.resolve("evident.db").toString())) {
      Run found = workspace.runs().resolve(Long.toString(run), null);
      return workspace.reports().report(found, baseline, ProjectConfig.EMPTY, null);
    }
  }

  private ReportFixtures fixtures() {
    return ReportFixtures.open(dir.resolve("evident.db"));
  }

  @Test
  void skipReasonsAreCountedTheMostCommonFirstWithAnExample() {
    try (ReportFixtures f = fixtures();
        RunWriter w = f.start("p", null)) {
      w.add(ReportFixtures.skipped("S", "a", "needs a GPU"));
      w.add(ReportFixtures.skipped("S", "b", "needs a GPU"));
      w.add(ReportFixtures.skipped("S", "c", "slow"));
      w.add(ReportFixtures.result("S", "d", Outcome.PASSED, 3));
      w.commit(null);
    }

    StatusReport.NotExecuted n = report(1, null).notExecuted();

    assertThat(n.skipReasons())
        .containsExactly(
            new StatusReport.SkipReason("needs a GPU", 2, "S > a"),
            new StatusReport.SkipReason("slow", 1, "S > c"));
    assertThat(n.counts().skipped()).isEqualTo(3);
  }

  @Test
  void theBaselineIsThePreviousRunOnTheSameBranchNotTheNewestRunOfTheProject() {
    try (ReportFixtures f = fixtures()) {
      f.start("p", "main").commit(null); // 1
      f.start("p", "feature").commit(null); // 2
      f.start("p", "main").commit(null); // 3
    }

    StatusReport.Change change = report(3, null).change();

    assertThat(change.base().id()).isEqualTo(1);
    assertThat(change.baseline()).isEqualTo("the previous run on branch main");
    assertThat(change.runs()).containsExactly(1L, 3L);
  }

  @Test
  void withoutAnEarlierRunOnItsBranchTheBaselineIsThePreviousRunOfTheProjectAndSaysSo() {
    try (ReportFixtures f = fixtures()) {
      f.start("p", "main").commit(null); // 1
      f.start("p", "feature").commit(null); // 2
    }

    StatusReport.Change change = report(2, null).change();

    assertThat(change.base().id()).isEqualTo(1);
    assertThat(change.baseline())
        .isEqualTo("the previous run of project p (no earlier run on branch feature)");
  }

  @Test
  void slowestTestsAndSuitesComeSlowestFirstWithTheKnownTimeAndItsDenominator() {
    try (ReportFixtures f = fixtures();
        RunWriter w = f.start("p", null)) {
      w.add(ReportFixtures.result("Fast", "a", Outcome.PASSED, 10));
      w.add(ReportFixtures.result("Slow", "b", Outcome.PASSED, 900));
      w.add(ReportFixtures.result("Slow", "c", Outcome.FAILED, 300));
      w.add(
          dev.evident.model.TestResult.of(
              new dev.evident.model.TestId("Fast", "d"), Outcome.PASSED, null));
      w.commit(null);
    }

    StatusReport.Slowest s = report(1, null).slowest();

    assertThat(s.tests())
        .extracting(StatusReport.TimedTest::test)
        .containsExactly("Slow > b", "Slow > c", "Fast > a");
    assertThat(s.timed()).isEqualTo(3);
    assertThat(s.executed()).isEqualTo(4);
    assertThat(s.totalMicros()).isEqualTo(1_210_000);
    assertThat(s.suites())
        .extracting(StatusReport.SuiteTime::suite)
        .containsExactly("Slow", "Fast");
  }

  @Test
  void quarantinedFailuresAndTestsThatPassedOnARerunAreNamed() {
    try (ReportFixtures f = fixtures();
        RunWriter w = f.start("p", null)) {
      w.add(
          ReportFixtures.result("S", "known", Outcome.FAILED, 5)
              .with(Outcome.FAILED, ReportFixtures.ASSERTION));
      w.add(
          ReportFixtures.result("S", "wobbly", Outcome.FAILED, 5)
              .with(Outcome.FAILED, ReportFixtures.ASSERTION));
      w.add(ReportFixtures.result("S", "wobbly", Outcome.PASSED, 5));
      w.commit(null);
    }
    try (Workspace workspace = Workspace.open(dir.resolve("evident.db").toString())) {
      workspace.quarantine().add("p", java.util.List.of("S > known"), "ticket 12", false);
    }

    StatusReport.FlakyAndSuspicious f = report(1, null).flaky();

    assertThat(f.flakyInRun()).containsExactly("S > wobbly");
    assertThat(f.quarantinedFailures()).isEqualTo(1);
    assertThat(f.quarantined()).containsEntry("S > known", "ticket 12");
  }

  @Test
  void nextStepsPutWhatKeptTestsFromRunningFirst() {
    try (ReportFixtures f = fixtures()) {
      f.broken();
    }

    StatusReport r = report(1, null);

    assertThat(r.nextSteps()).isNotEmpty();
    assertThat(r.nextSteps().get(0).tests()).isEqualTo(-1);
    assertThat(r.nextSteps().get(0).blocked())
        .containsExactly("tests/test_a.py", "tests/test_b.py", "tests/test_c.py");
    assertThat(r.headline().environmentFirst()).isTrue();
    assertThat(r.generated()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
