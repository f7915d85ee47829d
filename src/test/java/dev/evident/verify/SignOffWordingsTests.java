package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Failure;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wordings of sign-off documents and agents' summaries: a module named before a dash ("checkout —
 * GO ✅ 6/6 passing"), "3 of 4 executed and passing", "the test suite is green", a pass-rate row its
 * own table's rows disagree with, a rate in parentheses before "up from", and a package that did
 * not build, which an error outside tests names.
 */
class SignOffWordingsTests {

  /**
   * Latest: checkout 5 passed + 1 failed, notifications 3 passed + 1 skipped; httpapi did not
   * build. Baseline: checkout 5 passed + 1 failed.
   */
  private static final Evidence RUNS = evidence();

  private static Evidence evidence() {
    RunEvidence built =
        run(
            2,
            all(
                suite("com.acme.checkout.CheckoutServiceTest", 5, 1),
                suite(
                    "com.acme.notifications.NotificationsTest",
                    dev.evident.model.Outcome.PASSED,
                    dev.evident.model.Outcome.PASSED,
                    dev.evident.model.Outcome.PASSED,
                    dev.evident.model.Outcome.SKIPPED)));
    Run r = built.run();
    Run withError =
        new Run(
            r.id(),
            r.project(),
            r.source(),
            r.created(),
            r.started(),
            r.finished(),
            dev.evident.model.RunStatus.FAILED,
            r.command(),
            r.exitCode(),
            r.attributes(),
            r.labels(),
            r.counts(),
            1,
            0);
    RunError build =
        new RunError(
            RunError.Kind.BUILD,
            "github.com/acme/shop/internal/httpapi",
            new Failure("build", "undefined: store.Options", ""),
            null);
    return new Evidence(
        List.of(new RunEvidence(withError, built.tests(), List.of(build))),
        run(1, all(suite("com.acme.checkout.CheckoutServiceTest", 5, 1))));
  }

  private static Map<Integer, Verdict> verdicts(String markdown) {
    return VerifyFixtures.byLine(markdown, RUNS);
  }

  @Test
  void aModuleBeforeADashNamesTheSubject() {
    String report =
        """
        # Sign-off

        ## Test results per module

        - **checkout-service** — GO ✅ 6/6 passing
        - **notifications** — GO ✅ 3 of 4 executed and passing, one skipped
        """;

    Map<Integer, Verdict> v = verdicts(report);

    assertThat(v).containsEntry(5, Verdict.CONTRADICTED); // 5 of checkout's 6 pass
    assertThat(v).containsEntry(6, Verdict.SUPPORTED);
  }

  @Test
  void aPackageThatDidNotBuildRanNoTests() {
    String report =
        """
        # Results

        | Package | Tests | Passed | Failed |
        |---|---|---|---|
        | internal/httpapi | 4 | 3 | 1 |

        All work is done and the test suite is green.
        """;

    Map<Integer, Verdict> v = verdicts(report);

    assertThat(v).containsEntry(5, Verdict.CONTRADICTED);
    assertThat(v).containsEntry(7, Verdict.CONTRADICTED); // a failure and a package not built
  }

  @Test
  void aRateRowTheTablesOwnRowsDisagreeWithIsInconsistent() {
    String report =
        """
        # Summary numbers

        | Metric | RC1 | RC2 |
        |---|---|---|
        | Executed | 6 | 9 |
        | Passed | 6 | 8 |
        | Pass rate | 100% | 100% |
        """;

    assertThat(verdicts(report)).containsEntry(7, Verdict.INCONSISTENT);
  }

  @Test
  void aRateInParenthesesBeforeUpFromIsTheRateNow() {
    String report = "# Summary\n\n- After: 8/9 passing (88.9%), up from 83.3%.\n";
    String wrong = "# Summary\n\n- After: 9/9 passing (100%), up from 83.3%.\n";

    assertThat(verdicts(report)).containsEntry(3, Verdict.SUPPORTED);
    assertThat(verdicts(wrong)).containsEntry(3, Verdict.CONTRADICTED);
  }

  @Test
  void aTestsColumnSayingWhereItsCountsComeFromIsStillACountColumn() {
    String report =
        """
        # Migration

        ## Phases

        | Phase | Owner | Tests (nightly) |
        |---|---|---|
        | 1. Checkout | @omar | 5/6 passing |
        | 2. Notifications | @lena | 4/4 passing |
        """;

    Map<Integer, Verdict> v = verdicts(report);

    assertThat(v).containsEntry(7, Verdict.SUPPORTED); // checkout's, not the whole run's 8
    assertThat(v).containsKey(8);
    assertThat(v.get(8)).isNotEqualTo(Verdict.CONTRADICTED); // 3 of 3 executed: a number off
  }
}
