package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Backend: the invoice export tests are all green (3/3)": a sentence that names a group of its own
 * after its label is read as about the one suite its description names, never contradicted by the
 * label's other tests.
 */
class DescribedGroupTests {

  /** Backend: InvoiceExportTests 3 passed; LedgerTests 2 passed, 1 failed. */
  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  1,
                  all(
                      suite("app.backend.InvoiceExportTests", 3, 0),
                      suite("app.backend.LedgerTests", 2, 1)))),
          null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Backend: the invoice export tests are all green (3/3).   | SUPPORTED
          Backend: the ledger tests are all green (3/3).           | CONTRADICTED
          Backend: the billing flow tests are all green (3/3).     | UNVERIFIABLE
          """)
  void theSentenceIsAboutTheSuiteItDescribes(String line, Verdict verdict) {
    List<CheckedClaim> claims =
        check("## Quality\n\n- " + line, RUN, SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    for (CheckedClaim c : claims) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    }
  }
}
