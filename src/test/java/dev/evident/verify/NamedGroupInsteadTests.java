package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A claim checked against the whole run while its words name a narrower group of the run ("the
 * checkout suite grew from 8 to 10 tests") is SUPPORTED when that group bears it out, saying so;
 * when neither reading bears it out it stays UNVERIFIABLE, never CONTRADICTED.
 */
class NamedGroupInsteadTests {

  /** Run 1: checkout 8 passed, pay 5; run 2: checkout 9 passed + 1 failed, pay 5. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("checkout", 9, 1), suite("pay", 5, 0)))),
          run(1, all(suite("checkout", 8, 0), suite("pay", 5, 0))));

  private static CheckedClaim change(String sentence) {
    return VerifyFixtures.check(
            "## Sprint\n\n" + sentence + "\n", RUNS, SubjectResolver.NO_CATEGORIES)
        .stream()
        .filter(c -> c.claim().kind() == ClaimKind.CHANGE)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change claim in: " + sentence));
  }

  @Test
  void aChangeTheNamedGroupBearsOutIsSupportedAsAboutIt() {
    CheckedClaim c =
        change(
            "The checkout suite grew from 8 to 10 tests; its one failure is the new refund test.");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("read as about 'checkout', the one group the sentence names");
  }

  @Test
  void aChangeNeitherReadingBearsOutStaysUnverifiable() {
    CheckedClaim c =
        change(
            "The checkout suite grew from 8 to 12 tests; its one failure is the new refund test.");

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }

  @Test
  void aWordOfASuitesNameIsTheGroupTriedWhenTheWholeRunDoesNotBearTheClaimOut() {
    Evidence runs =
        new Evidence(
            List.of(run(2, all(suite("com.acme.InvoiceArchiveTests", 6, 0), suite("pay", 5, 1)))),
            run(1, all(suite("com.acme.InvoiceArchiveTests", 5, 1), suite("pay", 6, 0))));

    CheckedClaim right =
        VerifyFixtures.check(
                "## Sprint\n\nArchive went from 5 of 6 to 6 of 6 passing.\n",
                runs,
                SubjectResolver.NO_CATEGORIES)
            .get(0);
    CheckedClaim wrong =
        VerifyFixtures.check(
                "## Sprint\n\nArchive went from 4 of 6 to 6 of 6 passing.\n",
                runs,
                SubjectResolver.NO_CATEGORIES)
            .get(0);

    assertThat(right.verdict()).as(right.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(right.reason()).contains("InvoiceArchiveTests");
    assertThat(wrong.verdict()).as(wrong.reason()).isEqualTo(Verdict.UNVERIFIABLE);
  }
}
