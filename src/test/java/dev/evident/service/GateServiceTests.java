package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Failure;
import dev.evident.model.GateReport;
import dev.evident.model.GateReport.Check;
import dev.evident.model.GateReport.Rule;
import dev.evident.model.GateRules;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import dev.evident.store.StoredRuns;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateServiceTests {

  @TempDir Path dir;

  private static final Map<String, String> MAIN = Map.of("git.branch", "main");

  private Path db() {
    return dir.resolve("evident.db");
  }

  private static GateRules passRate(String percent) {
    return new GateRules(null, new BigDecimal(percent), null, null, null, null);
  }

  private static GateRules newFailures(int max, String baseline) {
    return new GateRules(max, null, null, null, null, baseline);
  }

  private GateReport check(long run, GateRules rules) {
    try (Workspace w = Workspace.open(db().toString())) {
      return w.gates().check(w.runs().resolve(Long.toString(run), null), rules);
    }
  }

  private static String text(GateReport report) {
    return GateService.text(report);
  }

  /** "Cart > t0 PASSED", ... : {@code passed} passing tests, then {@code failed} failing ones. */
  private static String[] results(int passed, int failed) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < passed + failed; i++) {
      lines.add("Cart > t" + i + (i < passed ? " PASSED" : " FAILED"));
    }
    return lines.toArray(String[]::new);
  }

  @Test
  void statesThePassRateWithItsNumeratorAndDenominator() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", results(1180, 70));
    }

    GateReport report = check(1, passRate("95"));

    assertThat(report.passed()).isFalse();
    assertThat(text(report))
        .contains("  min-pass-rate 95%: 1,180 of 1,250 executed passed = 94.4%: FAILED\n")
        .endsWith("Gate FAILED: 1 of 1 rule failed: min-pass-rate\n");
    assertThat(check(1, passRate("94.4")).passed()).isTrue();
  }

  @Test
  void aRateJustBelowTheLimitIsNeverPrintedAsTheLimit() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", results(1899, 101));
    }

    // 1,899 of 2,000 is 94.95%: rounded it would read 95.0%, the limit it misses.
    assertThat(text(check(1, passRate("95"))))
        .contains("1,899 of 2,000 executed passed = 94.9%: FAILED");
    assertThat(text(check(1, passRate("94.96"))))
        .contains("1,899 of 2,000 executed passed = 94.95%: FAILED");
  }

  @Test
  void countsFlakyTestsAsPassedAndSaysSo() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a PASSED", "Cart > b FLAKY", "Cart > c SKIPPED");
    }

    GateReport report = check(1, passRate("100"));

    assertThat(report.passed()).isTrue();
    assertThat(text(report))
        .contains(
            "min-pass-rate 100%: 2 of 2 executed passed = 100.0% (1 flaky counted as passed)");
  }

  @Test
  void aRunWithNoExecutedTestNeverPassesAPassRate() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a SKIPPED", "Cart > b SKIPPED");
    }

    GateReport report = check(1, passRate("0"));

    assertThat(report.passed()).isFalse();
    assertThat(text(report))
        .contains(
            "min-pass-rate 0%: no tests executed (0 of 2 collected), so no pass rate: FAILED");
  }

  @Test
  void countsNewFailuresAgainstThePreviousRunOfTheSameBranch() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", MAIN, Map.of(), "Cart > a PASSED", "Cart > b PASSED", "Cart > c FAILED");
      runs.add(
          "shop",
          Map.of("git.branch", "feature"),
          Map.of(),
          "Cart > a FAILED",
          "Cart > b PASSED",
          "Cart > c PASSED");
      runs.add("shop", MAIN, Map.of(), "Cart > a FAILED", "Cart > b PASSED", "Cart > c FAILED");
    }

    GateReport report = check(3, newFailures(0, null));

    assertThat(report.baseline().run().id()).isEqualTo(1);
    Check check = report.checks().get(0);
    assertThat(check.rule()).isEqualTo(Rule.MAX_NEW_FAILURES);
    assertThat(check.value()).isEqualTo(1);
    assertThat(check.tests()).extracting(Object::toString).containsExactly("Cart > a");
    assertThat(text(report))
        .contains("  new failures counted against run 1, the previous run on branch main\n")
        .contains("  max-new-failures 0: 1 of 3 executed tests is a new failure: FAILED\n")
        .contains("      Cart > a\n");
    assertThat(check(3, newFailures(1, null)).passed()).isTrue();
  }

  @Test
  void anExplicitBaselineReplacesThePreviousRunOfTheBranch() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", MAIN, Map.of(), "Cart > a FAILED", "Cart > b PASSED");
      runs.add("shop", MAIN, Map.of(), "Cart > a PASSED", "Cart > b PASSED");
      runs.add("shop", MAIN, Map.of(), "Cart > a FAILED", "Cart > b PASSED");
    }

    assertThat(check(3, newFailures(0, null)).passed()).isFalse();
    GateReport report = check(3, newFailures(0, "1"));

    assertThat(report.passed()).isTrue();
    assertThat(text(report)).contains("counted against run 1, the baseline 1");
  }

  @Test
  void withoutAnEarlierRunEveryFailureIsNew() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", MAIN, Map.of(), "Cart > a FAILED", "Cart > b FAILED", "Cart > c PASSED");
    }

    GateReport report = check(1, newFailures(1, null));

    assertThat(report.checks().get(0).value()).isEqualTo(2);
    assertThat(text(report))
        .contains(
            "new failures counted against nothing: no earlier run on branch main, so every failed"
                + " test is new");
  }

  @Test
  void aRunWithoutABranchIsComparedWithThePreviousRunOfItsProject() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a FAILED");
      runs.add("api", "Cart > a PASSED");
      runs.add("shop", "Cart > a FAILED");
    }

    GateReport report = check(3, newFailures(0, null));

    assertThat(report.passed()).isTrue();
    assertThat(report.baseline().run().id()).isEqualTo(1);
  }

  @Test
  void aBaselineOfAnotherProjectIsRefused() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a FAILED");
      runs.add("api", "Cart > a PASSED");
    }

    assertThatThrownBy(() -> check(2, newFailures(0, "1")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is run 1 of project shop, run 2 is of project api");
  }

  @Test
  void leavesQuarantinedTestsOutOfEveryCountAndSaysHowMany() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a PASSED", "Cart > b PASSED", "Cart > c PASSED", "Cart > d PASSED");
      runs.add("shop", "Cart > a FAILED", "Cart > b FLAKY", "Cart > c PASSED", "Cart > d PASSED");
    }
    try (Workspace w = Workspace.open(db().toString())) {
      w.quarantine().add("shop", List.of("Cart > a", "Cart > b"), "known", false);
    }

    GateReport report = check(2, new GateRules(0, new BigDecimal(100), 2L, 0, null, null));

    assertThat(report.passed()).isTrue();
    assertThat(report.counted().executed()).isEqualTo(2);
    assertThat(report.quarantined().collected()).isEqualTo(2);
    assertThat(report.quarantinedNewFailures()).isEqualTo(1);
    assertThat(text(report))
        .contains("max-new-failures 0: 0 of 2 executed tests are new failures: PASSED")
        .contains("min-pass-rate 100%: 2 of 2 executed passed = 100.0%: PASSED")
        .contains("min-executed 2: 2 of 2 collected tests executed: PASSED")
        .contains("max-flaky 0: 0 of 2 executed tests passed only on a retry (flaky): PASSED")
        .contains(
            "quarantined: 2 tests left out of every count (1 failed, 1 flaky); 1 of them a new"
                + " failure");
  }

  @Test
  void checksExecutedAndFlakyCountsAgainstTheirLimits() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a PASSED", "Cart > b FLAKY", "Cart > c FLAKY", "Cart > d SKIPPED");
    }

    GateReport report = check(1, new GateRules(null, null, 4L, 1, null, null));

    assertThat(report.checks()).extracting(Check::passed).containsExactly(false, false);
    assertThat(text(report))
        .contains("  min-executed 4: 3 of 4 collected tests executed: FAILED\n")
        .contains(
            "  max-flaky 1: 2 of 3 executed tests passed only on a retry (flaky): FAILED\n"
                + "      Cart > b\n"
                + "      Cart > c\n")
        .endsWith("Gate FAILED: 2 of 2 rules failed: min-executed, max-flaky\n");
  }

  @Test
  void noBrokenFailsARunWithErrorsOutsideTests() {
    try (ResultStore store = ResultStore.open(db().toString());
        RunWriter w = store.startRun(RunStart.ingest("shop", Map.of()))) {
      w.runError(
          new RunError(
              RunError.Kind.COLLECTION,
              "tests/test_cart.py",
              new Failure("ImportError", "No module named redis", ""),
              null));
      Run run = w.commit(null);
      assertThat(run.status()).isEqualTo(RunStatus.BROKEN);
    }

    GateReport report = check(1, new GateRules(null, null, null, null, true, null));

    assertThat(report.passed()).isFalse();
    assertThat(text(report)).contains("no-broken: status BROKEN, 1 error outside tests: FAILED");
  }

  @Test
  void noRuleIsAnError() {
    try (StoredRuns runs = StoredRuns.open(db())) {
      runs.add("shop", "Cart > a PASSED");
    }

    assertThatThrownBy(() -> check(1, GateRules.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("no gate to check");
  }

  @Test
  void optionsReplaceTheRulesOfTheFileOneByOne() throws Exception {
    Files.writeString(
        dir.resolve("evident.yaml"),
        "gates:\n  min_pass_rate: 95%\n  max_flaky: 2\n  baseline: branch:main\n");

    GateRules rules =
        GateService.rules(
            dir, null, new GateRules(null, new BigDecimal(90), null, null, null, null));

    assertThat(rules.minPassRate()).isEqualByComparingTo("90");
    assertThat(rules.maxFlaky()).isEqualTo(2);
    assertThat(rules.baseline()).isEqualTo("branch:main");
    Files.writeString(dir.resolve("off.yaml"), "gates:\n  no_broken: false\n");
    assertThatThrownBy(() -> GateService.rules(dir, dir.resolve("off.yaml"), GateRules.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("off.yaml sets no rule in gates:");
    assertThatThrownBy(() -> GateService.rules(dir.resolve("none"), null, GateRules.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no evident.yaml");
  }

  @ParameterizedTest
  @CsvSource({"95,95", "95%,95", "99.5%,99.5", "0,0", "100%,100", "0.5%,0.5"})
  void readsPercentagesAsPeopleWriteThem(String text, String percent) {
    assertThat(GateService.percent(text)).isEqualByComparingTo(percent);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "0.95|'0.95' is ambiguous: write 95% for a share of 0.95, or 0.95% if you mean that",
        "101|'101' is not a percentage from 0% to 100%",
        "ninety|'ninety' is not a percentage"
      })
  void refusesPercentagesThatAreWrongOrAmbiguous(String text, String message) {
    assertThatThrownBy(() -> GateService.percent(text))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(message);
  }
}
