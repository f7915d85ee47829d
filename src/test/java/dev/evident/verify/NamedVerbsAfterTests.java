package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A named test's outcome said after its name: "`x` stays skipped", "`y` fixed by the patch". */
class NamedVerbsAfterTests {

  /** Baseline: renders_pdf failed, uses_hsm skipped. Latest: both pass or stay skipped. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(
              run(
                  2,
                  test("app.ExportTest", "renders_pdf", Outcome.PASSED, "ExportTest.java"),
                  test("app.ExportTest", "uses_hsm", Outcome.SKIPPED, "ExportTest.java"),
                  test("app.ExportTest", "writes_csv", Outcome.PASSED, "ExportTest.java"))),
          run(
              1,
              test("app.ExportTest", "renders_pdf", Outcome.FAILED, "ExportTest.java"),
              test("app.ExportTest", "uses_hsm", Outcome.SKIPPED, "ExportTest.java"),
              test("app.ExportTest", "writes_csv", Outcome.PASSED, "ExportTest.java")));

  private static Verdict verdict(String line) {
    List<CheckedClaim> claims = check(line, RUNS, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(line).hasSize(1);
    return claims.get(0).verdict();
  }

  @Test
  void aTestThatStaysOrRemainsSkippedIsSkipped() {
    assertThat(verdict("- `uses_hsm` stays skipped until the HSM is back."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("- `uses_hsm` remains skipped.")).isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("- `writes_csv` stays skipped.")).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aTestFixedByAChangeFailedBeforeAndPassesNow() {
    assertThat(verdict("- `renders_pdf` fixed by the new font loader."))
        .isEqualTo(Verdict.SUPPORTED);
    assertThat(verdict("- `writes_csv` was fixed by the new font loader."))
        .isEqualTo(Verdict.CONTRADICTED);
  }
}
