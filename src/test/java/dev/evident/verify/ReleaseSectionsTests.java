package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changelog's sections are of their releases: the highest is the latest run, the one below it the
 * baseline, older ones are not checked, and lines of different releases are not compared.
 */
class ReleaseSectionsTests {

  /** Latest: 40 passed, 1 failed. Baseline: 36 passed, 2 failed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("ApiTests", 40, 1)))), run(1, all(suite("ApiTests", 36, 2))));

  @Test
  void eachReleaseSectionIsCheckedAgainstItsOwnRun() {
    List<CheckedClaim> claims =
        check(
            """
            # Changelog

            ## [3.2.0] - 2026-11-20

            - 41 tests, 40 passing, 1 failing.

            ## [3.1.1] - 2026-11-02

            - 38 tests, 36 passing, 2 failing.
            - Failing tests went from 5 to 2 since 3.1.0.

            ## [3.1.0] - 2026-10-15

            - 30 tests, 25 passing, 5 failing.
            """,
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.verdict())
        .containsExactly("5 SUPPORTED", "9 SUPPORTED", "10 UNVERIFIABLE", "14 UNVERIFIABLE");
    assertThat(claims.get(1).reason()).contains("release 3.1.1, read as the baseline run");
    assertThat(claims.get(3).reason()).contains("about release 3.1.0, older than the runs checked");
  }

  @Test
  void aLogOfNumberedRunsComparesItsLastWithItsFirst() {
    List<CheckedClaim> claims =
        check(
            """
            # Progress log

            ## Iteration 1 (09:10)

            - Baseline: 38 tests, 36 passing, 2 failing.

            ## Iteration 2 (09:40)

            - Refactored the client; did not run the tests.

            ## Iteration 3 (10:20)

            - 41 tests, 40 passing, 1 failing.
            """,
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.verdict())
        .containsExactly("5 SUPPORTED", "13 SUPPORTED");
    assertThat(claims.get(0).reason()).contains("run 1 of the log, read as the baseline run");
  }

  @Test
  void numberedSectionsAreNoReleases() {
    List<CheckedClaim> claims =
        check(
            """
            # Sign-off

            ### 4.1 Results

            - 41 tests, 40 passing, 1 failing.

            ### 4.2 Notes

            - 38 tests, 36 passing, 2 failing.
            """,
            RUNS,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims)
        .extracting(c -> c.claim().line() + " " + c.verdict())
        .containsExactly("5 SUPPORTED", "9 INCONSISTENT");
  }
}
