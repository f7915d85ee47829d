package dev.evident.analyze;

import static dev.evident.model.Outcome.FAILED;
import static dev.evident.model.Outcome.FLAKY;
import static dev.evident.model.Outcome.PASSED;
import static dev.evident.model.Outcome.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.CategoryProgress;
import dev.evident.model.CategoryProgress.TargetCheck;
import dev.evident.model.Counts;
import dev.evident.model.ProgressReport;
import dev.evident.model.TestCategory;
import dev.evident.model.TestFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTests {

  private final RunsInMemory history = new RunsInMemory();

  private static TestCategory category(String name, String suite, TestCategory.Target target) {
    return new TestCategory(
        name, new TestCategory.Match(List.of(suite), List.of(), List.of(), List.of()), target);
  }

  private ProgressReport measure(List<TestCategory> categories) {
    return Progress.measure(history.newest(10), categories, history);
  }

  /** The issue's example: seven categories, one with 15 tests (11 passed, 1 failed, 3 skipped). */
  private static List<TestCategory> seven() {
    List<TestCategory> categories = new ArrayList<>();
    String[] names = {"login", "search", "cart", "checkout", "payment", "account", "admin"};
    for (int i = 0; i < names.length; i++) {
      categories.add(
          category(
              names[i],
              "com.acme." + names[i] + ".*",
              new TestCategory.Target(i == 6 ? 10 : 15, null, null)));
    }
    return categories;
  }

  @Test
  void theIssuesSevenCategoriesOneWithFifteenTestsAndTheRestWithNone() {
    history
        .run()
        .tests("com.acme.login.LoginTest", "ok", 11, PASSED)
        .tests("com.acme.login.LoginTest", "bad", 1, FAILED)
        .tests("com.acme.login.LoginTest", "later", 3, SKIPPED)
        .tests("com.acme.util.StringsTest", "u", 4, PASSED)
        .add();

    ProgressReport report = measure(seven());

    CategoryProgress login = report.categories().get(0);
    assertThat(login.counts()).isEqualTo(Counts.of(11, 1, 0, 3, 0));
    assertThat(login.checks())
        .containsExactly(new TargetCheck(TargetCheck.Kind.TESTS, 15, 15, 15, true));
    assertThat(login.met()).isTrue();
    for (CategoryProgress empty : report.categories().subList(1, 7)) {
      assertThat(empty.counts()).isEqualTo(Counts.ZERO);
      assertThat(empty.met()).isFalse();
      assertThat(empty.checks().get(0).actual()).isZero();
    }
    assertThat(report.categories().get(6).checks().get(0).of()).isEqualTo(10);
    assertThat(report.uncategorised().counts()).isEqualTo(Counts.of(4, 0, 0, 0, 0));
    assertThat(report.met()).isEqualTo(1);
    assertThat(report.withTarget()).isEqualTo(7);
  }

  @ParameterizedTest(name = "{0} passed, {1} failed, {2} skipped, {3} flaky vs {4}%: {5}")
  @CsvSource(
      textBlock =
          """
          11, 1, 3, 0, 90, false
          9,  1, 0, 0, 90, true
          8,  1, 0, 1, 90, true
          12, 0, 3, 0, 80, true
          11, 0, 4, 0, 75, false
          0,  0, 5, 0, 0,  true
          """)
  void aPassRateTargetCountsSkippedTestsAgainstItAndFlakyOnesAsPassed(
      int passed, int failed, int skipped, int flaky, int percent, boolean met) {
    Counts counts = Counts.of(passed, failed, 0, skipped, flaky);

    List<TargetCheck> checks =
        Progress.checks(new TestCategory.Target(null, null, percent / 100.0), counts);

    assertThat(checks)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.met()).isEqualTo(met);
              assertThat(c.actual()).isEqualTo(passed + flaky);
              assertThat(c.of()).isEqualTo(passed + failed + skipped + flaky);
            });
  }

  @Test
  void aPassRateOfNoTestsIsNeverMetAndAPassedTargetCountsTestsThatPassed() {
    List<TargetCheck> none = Progress.checks(new TestCategory.Target(null, 0, 0.0), Counts.ZERO);
    List<TargetCheck> some =
        Progress.checks(new TestCategory.Target(5, 4, null), Counts.of(3, 0, 0, 1, 1));

    assertThat(none).extracting(TargetCheck::met).containsExactly(true, false);
    assertThat(some)
        .containsExactly(
            new TargetCheck(TargetCheck.Kind.TESTS, 5, 5, 5, true),
            new TargetCheck(TargetCheck.Kind.PASSED, 4, 4, 5, true));
  }

  @Test
  void theFiguresOverTimeCoverTheRunsBeforeOldestFirst() {
    history.run().tests("com.acme.login.A", "t", 2, PASSED).add();
    history
        .run()
        .tests("com.acme.login.A", "t", 5, PASSED)
        .tests("com.acme.login.B", "x", 1, FAILED)
        .add();
    history
        .run()
        .tests("com.acme.login.A", "t", 8, PASSED)
        .tests("com.acme.login.B", "x", 1, PASSED)
        .add();

    ProgressReport report =
        measure(List.of(category("login", "com.acme.login.*", TestCategory.Target.NONE)));

    CategoryProgress login = report.categories().get(0);
    assertThat(report.history()).extracting(r -> r.id()).containsExactly(1L, 2L, 3L);
    assertThat(login.history())
        .extracting(p -> p.run(), p -> p.counts().passed(), p -> p.counts().collected())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 2L, 2L),
            org.assertj.core.groups.Tuple.tuple(2L, 5L, 6L),
            org.assertj.core.groups.Tuple.tuple(3L, 9L, 9L));
    assertThat(login.hasTarget()).isFalse();
    assertThat(login.met()).isFalse();
  }

  @Test
  void aTestInSeveralCategoriesCountsInEachAndIsReported() {
    history
        .run()
        .test(
            "com.acme.pay.CardTest",
            "charges",
            PASSED,
            10,
            new TestFacts(null, List.of("smoke"), Map.of()))
        .test("com.acme.pay.CardTest", "refunds", FLAKY, 10)
        .add();
    TestCategory smoke =
        new TestCategory(
            "smoke",
            new TestCategory.Match(List.of(), List.of(), List.of("smoke"), List.of()),
            TestCategory.Target.NONE);

    ProgressReport report =
        measure(List.of(category("pay", "com.acme.pay.*", TestCategory.Target.NONE), smoke));

    assertThat(report.categories().get(0).counts().collected()).isEqualTo(2);
    assertThat(report.categories().get(0).passed()).isEqualTo(2);
    assertThat(report.categories().get(1).counts().collected()).isEqualTo(1);
    assertThat(report.inSeveral()).isEqualTo(1);
    assertThat(report.uncategorised().counts()).isEqualTo(Counts.ZERO);
  }
}
