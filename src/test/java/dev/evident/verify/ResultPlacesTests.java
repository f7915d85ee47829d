package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A part of the run that only the directories of its result files name: a module ({@code
 * ledger-core/target/surefire-reports}), the backend and the web of one run. Runner directories
 * ({@code target}, {@code build/test-results}) and a directory holding every result name nothing.
 */
class ResultPlacesTests {

  /** backend: 3 passed; web: 1 passed, 1 failed; everything under reports/. */
  private static final Evidence RUN =
      new Evidence(
          List.of(
              run(
                  1,
                  tests(
                          "reports/backend/build/test-results/test",
                          "com.acme.OrderTest",
                          Outcome.PASSED,
                          Outcome.PASSED,
                          Outcome.PASSED)
                      .andThen(
                          "reports/web/test-results", "CartSpec", Outcome.PASSED, Outcome.FAILED)
                      .array())),
          null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          - backend: 3/3 passing                 | SUPPORTED    | result files in backend (3 tests)
          - Backend: 4 of 4 passing              | CONTRADICTED | result files in Backend (3 tests)
          - web: 1 of 2 passing                  | SUPPORTED    | result files in web (2 tests)
          - test-results: 4 of 4 passing         | UNVERIFIABLE | nothing in run 1 is named
          - reports: 4 of 5 passing              | UNVERIFIABLE | nothing in run 1 is named
          """)
  void aDirectoryOfResultFilesNamesThePartOfTheRunFoundThere(
      String line, Verdict verdict, String reason) {
    CheckedClaim c = only("## Tests\n\n" + line, RUN);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
    assertThat(c.reason()).contains(reason);
  }

  private record Tests(List<TestEvidence> all) {
    Tests andThen(String place, String suite, Outcome... outcomes) {
      List<TestEvidence> more = new ArrayList<>(all);
      for (int i = 0; i < outcomes.length; i++) {
        more.add(
            new TestEvidence(
                new TestId(suite, "t" + i), outcomes[i], "", List.of(), List.of(place)));
      }
      return new Tests(more);
    }

    TestEvidence[] array() {
      return all.toArray(TestEvidence[]::new);
    }
  }

  private static Tests tests(String place, String suite, Outcome... outcomes) {
    return new Tests(List.of()).andThen(place, suite, outcomes);
  }
}
