package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "This morning", "this afternoon", "tonight" name the latest run as "today" does: a sentence that
 * says what a test did last night and what it does this morning is checked against the latest run.
 */
class LatestTimeWordsTests {

  /** Baseline: ExportCsv failed. Latest: it passes; ImportCsv passes in both. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.CsvTests", "ExportCsv", Outcome.PASSED, ""),
                  test("app.CsvTests", "ImportCsv", Outcome.PASSED, ""))),
          run(
              1,
              test("app.CsvTests", "ExportCsv", Outcome.FAILED, ""),
              test("app.CsvTests", "ImportCsv", Outcome.PASSED, "")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          `ExportCsv` is fixed: it broke last night and passes this morning.        | SUPPORTED
          `ExportCsv` is fixed: red last night, green this afternoon.               | SUPPORTED
          """)
  void aSentenceOfLastNightAndThisMorningIsOfTheLatestRun(String sentence, Verdict verdict) {
    List<CheckedClaim> claims = check(sentence, RUNS, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).as(sentence).isNotEmpty();
    assertThat(claims)
        .as(sentence)
        .allSatisfy(c -> assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict));
  }
}
