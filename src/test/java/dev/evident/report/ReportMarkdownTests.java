package dev.evident.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.RunStatus;
import dev.evident.report.StatusReport.BucketTests;
import dev.evident.report.StatusReport.Cause;
import dev.evident.report.StatusReport.Change;
import dev.evident.report.StatusReport.FlakyAndSuspicious;
import dev.evident.report.StatusReport.Headline;
import dev.evident.report.StatusReport.NextStep;
import dev.evident.report.StatusReport.NotExecuted;
import dev.evident.report.StatusReport.RootCauses;
import dev.evident.report.StatusReport.RunRef;
import dev.evident.report.StatusReport.SkipReason;
import dev.evident.report.StatusReport.Slowest;
import dev.evident.report.StatusReport.TestLine;
import dev.evident.report.StatusReport.TimedTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMarkdownTests {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  /** Run 8 against run 7: {@code fresh} new failures, {@code causes} causes, long other lists. */
  static StatusReport large(int fresh, int causes) {
    RunRef head = new RunRef(8, "big", RunStatus.FAILED, "abc", "main", AT, 1000, "");
    RunRef base = new RunRef(7, "big", RunStatus.PASSED, "abd", "main", AT, 1000, "");
    Counts counts = Counts.of(100_000 - fresh - 500, fresh, 0, 500, 0);
    List<TestLine> failures = new ArrayList<>();
    List<TestLine> slower = new ArrayList<>();
    List<TimedTest> slow = new ArrayList<>();
    for (int i = 0; i < fresh; i++) {
      failures.add(
          new TestLine(
              "big.Suite" + i % 40 + " > test" + i,
              Outcome.PASSED,
              Outcome.FAILED,
              10,
              12,
              null,
              "machine " + i + " refused the order"));
      slower.add(
          new TestLine("big.S > slow" + i, Outcome.PASSED, Outcome.PASSED, 10, 900, null, ""));
      slow.add(new TimedTest("big.S > slow" + i, 900_000 - i, Outcome.PASSED));
    }
    List<Cause> groups = new ArrayList<>();
    for (int c = 0; c < causes; c++) {
      groups.add(
          new Cause(
              "id" + c,
              "assertion_failure",
              false,
              0.9,
              fresh / causes,
              "machine " + c + " refused the order",
              "",
              Map.of("machine", "m" + c),
              "fix machine " + c,
              List.of("big.Suite0 > test" + c),
              0,
              0,
              0,
              ""));
    }
    List<SkipReason> skips = new ArrayList<>();
    for (int s = 0; s < 100; s++) {
      skips.add(new SkipReason("reason " + s, 5, "big.S > skipped" + s));
    }
    List<NextStep> steps = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      steps.add(new NextStep("fix machine " + s, fresh / causes, List.of("id" + s), List.of()));
    }
    return new StatusReport(
        AT,
        head,
        new Headline(StatusLine.of(run(counts)), counts, "", 0, 0, List.of(8L)),
        new Change(
            base,
            "the previous run on branch main",
            Counts.of(100_000 - 500, 0, 0, 500, 0),
            counts,
            List.of(
                new BucketTests("newFailures", "new failures", failures),
                new BucketTests("slower", "slower", slower)),
            List.of(7L, 8L)),
        new RootCauses(fresh, groups, List.of(8L)),
        new NotExecuted(counts, List.of(), skips, List.of(), List.of(8L)),
        new FlakyAndSuspicious(
            List.of(), List.of(7L, 8L), 100_000, List.of(), 0, Map.of(), List.of(), List.of(8L)),
        null,
        new Slowest(
            1_000_000_000L,
            99_500,
            99_500,
            slow.subList(0, Math.min(50, fresh)),
            List.of(),
            List.of(8L)),
        steps);
  }

  private static dev.evident.model.Run run(Counts counts) {
    return new dev.evident.model.Run(
        8,
        "big",
        "ingest",
        AT,
        AT,
        AT,
        RunStatus.FAILED,
        "",
        null,
        Map.of(),
        Map.of(),
        counts,
        0,
        0);
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void aSmallBudgetKeepsNewFailuresAndRootCausesAndSaysHowManyItLeftOut() {
    String md = ReportMarkdown.render(large(1_254, 50), 6_000);

    assertThat(bytes(md)).isLessThanOrEqualTo(6_000);
    assertThat(md)
        .contains("**FAILED: 1,254 of 99,500 executed tests failed")
        .contains("#### New failures (1,254)")
        .contains("- `big.Suite0 > test0` PASSED → FAILED: `machine 0 refused the order`")
        .containsPattern("- and 1,2\\d\\d more new failures\n")
        .contains("**1. assertion_failure: 25 of 1,254 (2.0%)**")
        .containsPattern("and \\d\\d more causes \\(1,\\d{3} tests\\)");
  }

  @Test
  void theLeastImportantListsAreCutFirst() {
    StatusReport report = large(1_254, 50);
    String roomy = ReportMarkdown.render(report, 60_000);
    String tight = ReportMarkdown.render(report, 20_000);

    assertThat(bytes(roomy)).isLessThanOrEqualTo(60_000);
    assertThat(bytes(tight)).isLessThanOrEqualTo(20_000);
    // With room, every list is at its full length; tight, the slowest tests go before failures.
    assertThat(roomy).contains("`big.S > slow19`").contains("- and 1,054 more new failures");
    assertThat(tight).doesNotContain("| `big.S > slow19`").contains("`big.Suite0 > test0`");
  }

  @Test
  void withinTheDefaultBudgetNothingIsCutFromAModestReport() {
    String md = ReportMarkdown.render(large(20, 4), ReportMarkdown.DEFAULT_MAX_BYTES);

    assertThat(md).doesNotContain("more new failures").contains("`big.Suite19 > test19`");
  }

  @Test
  void evenTheSmallestBudgetGivesValidTextWithinIt() {
    String md = ReportMarkdown.render(large(1_254, 50), 1_000);

    assertThat(bytes(md)).isLessThanOrEqualTo(1_000);
    assertThat(md)
        .startsWith("## Evident report: run 8 of big")
        .endsWith("--format json has everything)\n");
  }

  @Test
  void namesWithMarkdownCharactersStayLiteral() {
    assertThat(Md.code("a `b` c")).isEqualTo("``a `b` c``");
    assertThat(Md.text("<script> *x* | y")).isEqualTo("&lt;script&gt; \\*x\\* \\| y");
    assertThat(Md.cell(Md.code("a|b"))).isEqualTo("`a\\|b`");
  }
}
