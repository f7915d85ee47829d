package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subjects that name a run rather than a part of one: the baseline by its role, a version, a run by
 * a name of its own ("Thursday's nightly"), a name the report ties to a run ("on the canary
 * branch"), the full suite; and readiness to ship of a release, a branch or a version.
 */
class RunNameSubjectsTests {

  private static final String CART = "com.shop.CartTest";

  /** Latest: 4 tests, 3 passed, 1 failed. Baseline: 3 tests, 2 passed, 1 failed. */
  private static final Evidence SHOP =
      new Evidence(
          List.of(
              run(
                  2,
                  test(CART, "addsItem", Outcome.PASSED, ""),
                  test(CART, "removesItem", Outcome.PASSED, ""),
                  test(CART, "appliesCoupon", Outcome.PASSED, ""),
                  test(CART, "mergesCarts", Outcome.FAILED, ""))),
          run(
              1,
              test(CART, "addsItem", Outcome.PASSED, ""),
              test(CART, "removesItem", Outcome.PASSED, ""),
              test(CART, "appliesCoupon", Outcome.FAILED, "")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Baseline: 3 tests, 2 passed, 1 failed.                      | SUPPORTED    | the baseline run's counts
          Thursday's nightly: 4 tests, 3 passed, 1 failed.            | SUPPORTED    | a run by a name of its own
          Thursday's nightly: 4 tests, 4 passed.                      | UNVERIFIABLE | maybe another run than the one checked
          Pass rate for RC3: 75% (3 of 4).                            | SUPPORTED    | a release candidate
          The full smoke suite: 3 of 4 tests passed.                  | SUPPORTED    | every test of the run
          The full suite is green.                                    | CONTRADICTED | one test of the run fails
          The release is production ready.                            | CONTRADICTED | what ships is the whole run
          The branch is ready to merge.                               | CONTRADICTED | a failure in the run
          `v2.4.0` is production ready.                               | CONTRADICTED | a version is the run
          The API is production ready.                                | UNVERIFIABLE | a part the evidence does not name
          The Docker container is healthy.                            | UNVERIFIABLE | not a readiness to ship
          """)
  void aSubjectThatNamesARunIsCheckedAgainstIt(String report, Verdict verdict, String why) {
    List<CheckedClaim> claims = check(report, SHOP, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).as(why).isNotEmpty();
    assertThat(claims).as(why).allMatch(c -> c.verdict() == verdict, verdict + " for each");
  }

  @Test
  void aNameTheReportTiesToARunIsThatRun() {
    String tied =
        "We ran the suite on the canary branch.\n\nCanary: 4 tests, 3 passed, 1 failed.\n";
    String untied = "Canary: 4 tests, 3 passed, 1 failed.\n";

    assertThat(check(tied, SHOP, SubjectResolver.NO_CATEGORIES))
        .extracting(CheckedClaim::verdict)
        .containsOnly(Verdict.SUPPORTED);
    assertThat(check(untied, SHOP, SubjectResolver.NO_CATEGORIES))
        .extracting(CheckedClaim::verdict)
        .containsOnly(Verdict.UNVERIFIABLE);
  }

  @Test
  void aVersionThatWasReadyMayBeAnEarlierRunAndIsNeverContradicted() {
    List<CheckedClaim> claims =
        check("`v2.3.0` was production ready.", SHOP, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
  }
}
