package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.claims;
import static dev.evident.verify.NumberFixtures.lines;
import static dev.evident.verify.NumberFixtures.stated;
import static dev.evident.verify.NumberFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Claims with numbers: where they are read, what they state, and which numbers are not claims. */
class NumberClaimsTests {

  @Test
  void eachLineOfAParagraphOfShortLinesIsAClaimOfItsOwn() {
    String digest =
        """
        Result: 61 passed, 3 failed, 2 skipped (66 total)
        Pass rate 95.3% (61/64 executed)
        vs. #1872: failing 1 → 3
        New failures: two of them
        """;
    assertThat(lines(digest)).isEqualTo("1:count 2:rate 3:change");
    Verification v = verify(digest);
    assertThat(v.claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
  }

  @Test
  void wrappedProseIsOneSentenceAcrossItsLines() {
    String prose =
        """
        The nightly run had 61 passed tests and
        3 failed tests, which is the same as
        last week when we saw the same failures.
        """;
    assertThat(claims(prose))
        .extracting(Claim::text)
        .containsOnly(prose.strip().replace('\n', ' '));
  }

  @Test
  void aBulletCharacterBeforeAFileNameLeavesTheFileTheSubject() {
    List<Claim> claims =
        claims(
            """
            quick update on the installer tests
            • install.tap 30/32, looking into the red one
            • upgrade.tap 14 passed + 2 skipped (arm64 runners are down again)
            """);
    assertThat(claims).extracting(Claim::subject).containsOnly("install.tap", "upgrade.tap");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Coverage of `export/`: 94%                                  | rate
          Line coverage is unchanged at 81% (JaCoCo).                 | rate
          Lighthouse performance 92 → 95 on /cart                     | change
          Lighthouse performance score on /search: 91 (was 88).       | change
          Up to 3x faster than the DOM API on documents over 100 MB.  | change
          p99 settlement latency in the nightly load test: 38 ms.     | count
          Mutation score on the workers package: 71%.                 | rate
          Median page load on the product page was 1.2 s.             | count
          """)
  void aMetricThatNoTestResultMeasuresIsAnUnverifiableClaim(String line, String kind) {
    Verification v = verify(line);
    assertThat(v.claims()).hasSize(1);
    assertThat(v.claims().get(0).claim().kind().id()).isEqualTo(kind);
    assertThat(v.claims().get(0).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Listening on port 6381 after the upgrade.
          Cost per sample is about $0.004 for both.
          Wall time 2m41s on Python 3.12.
          CI is 20x faster (from 10 min to 30 s), the build 2x faster.
          The SLO target stays at 50 ms p99 and 99.95% availability.
          Load test at 500 rps for 30 minutes.
          """)
  void numbersThatAreNotResultsAreNotClaims(String line) {
    assertThat(claims(line)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Checkpoint 1800 solves 74 of 100 tasks.        | [passing=74, tests=100]
          v3 solves 84 of 120 samples overall.           | [passing=84, tests=120]
          All but 26 tasks solved at ckpt 1800.          | [not passing=26]
          so 45 of the 46 that ran are fine, 97.8%       | [passing=45, executed=46, pass rate=97.8%]
          45 of the 46 that ran are fine, 95%            | [passing=45, executed=46, pass rate=95%]
          We closed 5 of 6 tasks this sprint.            | ''
          """)
  void readsSolvedSamplesAndTheTestsThatRan(String line, String stated) {
    assertThat(stated(line)).isEqualTo(stated);
  }

  @Test
  void aPercentageRightAfterAPassingFractionIsItsShare() {
    assertThat(verify("- 45 of the 46 that ran are fine, 95%").claims())
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.INCONSISTENT);
  }

  @Test
  void aFractionAfterAllTestsPassIsACountOfItsOwn() {
    assertThat(stated("✅ **All tests passing!** (37/37)")).isEqualTo("[]; [passing=37, tests=37]");
    assertThat(stated("All tests pass, see PR 12/13 for details")).isEqualTo("[]");
  }

  @Test
  void aCountThatIsAPartOfTheRunIsNotComparedWithItsTotal() {
    String report =
        """
        - 82 tests, all green
        - The Billing module accounts for 39 tests
        """;
    assertThat(verify(report).claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
  }

  @Test
  void aFractionWithItsStatusIsACountInAReportAboutTests() {
    String report =
        """
        # Release

        ## Test suite

        - 48 tests: 46 pass, 1 fails.

        ## By category

        - Service: 25 of 27 passing
        - Parser: 14 of 14 pass.
        """;
    assertThat(claims(report))
        .extracting(c -> c.line() + " " + c.subject())
        .containsExactly("5 ", "9 Service", "10 Parser");
    assertThat(claims("## Sprint\n\n- Service: 25 of 27 passing\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Only one test is skipped (`applies gift card`).   | [skipped=1]
          Two integration tests failed overnight.            | [failing=2]
          We keep one test per file.                         | ''
          Pass rate this sprint: 0.94.                       | [pass rate=94%]
          Pass rate: 0.945                                   | [pass rate=94.5%]
          """)
  void readsNumberWordsAndRatesWrittenAsFractionsOfOne(String line, String stated) {
    assertThat(stated("## Tests\n\n" + line)).isEqualTo(stated);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Psalm reports 0 errors on `lib/`.
          mypy --strict: 0 errors in 48 files
          golangci-lint: 2 warnings, 0 errors
          Chromatic: 0 visual changes across 140 snapshots.
          """)
  void findingsOfLintersAndTypeCheckersAreNotTestResults(String line) {
    Evidence oneError =
        new Evidence(
            List.of(
                VerifyFixtures.run(
                    2,
                    VerifyFixtures.test("app.T", "a", dev.evident.model.Outcome.PASSED, "T.java"),
                    VerifyFixtures.test(
                        "app.T", "b", dev.evident.model.Outcome.ERRORED, "T.java"))),
            null);
    List<CheckedClaim> checked =
        VerifyFixtures.check("## Checks\n\n" + line, oneError, SubjectResolver.NO_CATEGORIES);
    assertThat(checked).extracting(CheckedClaim::verdict).containsOnly(Verdict.UNVERIFIABLE);
  }
}
