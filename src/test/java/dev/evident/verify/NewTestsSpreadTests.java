package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "3 new tests: 1 in `OrderTests`, 2 in `RefundTests`": a count of new tests shared among places is
 * the new tests of all of them together, never of the first place named alone.
 */
class NewTestsSpreadTests {

  /** OrderTests 4 -> 5, RefundTests 3 -> 5, AuditTests 2 -> 4: 5 new tests in all. */
  private static final Evidence GROWN =
      new Evidence(List.of(run(2, classes(5, 5, 4))), run(1, classes(4, 3, 2)));

  private static TestEvidence[] classes(int orders, int refunds, int audits) {
    List<TestEvidence> t = new ArrayList<>();
    String[] names = {"OrderTests", "RefundTests", "AuditTests"};
    int[] counts = {orders, refunds, audits};
    for (int k = 0; k < names.length; k++) {
      for (int i = 0; i < counts[k]; i++) {
        t.add(test("shop." + names[k], "t" + i, Outcome.PASSED, names[k] + ".cs"));
      }
    }
    return t.toArray(TestEvidence[]::new);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          3 new tests: 1 in `OrderTests`, 2 in `RefundTests`.               | SUPPORTED
          This adds 3 new tests, 1 in `OrderTests` and 2 in `RefundTests`. | SUPPORTED
          4 new tests: 1 in `OrderTests`, 3 in `RefundTests`.               | CONTRADICTED
          """)
  void aCountSharedAmongClassesIsTheirNewTestsTogether(String sentence, Verdict verdict) {
    CheckedClaim c =
        check("## Tests\n\n- " + sentence, GROWN, SubjectResolver.NO_CATEGORIES).stream()
            .filter(x -> NewTests.is(x.claim()))
            .findFirst()
            .orElseThrow();

    assertThat(c.claim().subject()).isEqualTo("OrderTests + RefundTests");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @Test
  void newTestsOfASourceFileAreThoseOfItsDirectory() {
    Evidence grown =
        new Evidence(
            List.of(
                run(
                    2,
                    test("internal/parser", "TestOld", Outcome.PASSED, "internal/parser/p_test.go"),
                    test("internal/parser", "TestNew", Outcome.PASSED, "internal/parser/p_test.go"),
                    test("internal/store", "TestS", Outcome.PASSED, "internal/store/s_test.go"))),
            run(
                1,
                test("internal/parser", "TestOld", Outcome.PASSED, "internal/parser/p_test.go"),
                test("internal/store", "TestS", Outcome.PASSED, "internal/store/s_test.go")));

    CheckedClaim c =
        check(
                "- `internal/parser/amount.go`: accepts a minus, with 1 new test",
                grown,
                SubjectResolver.NO_CATEGORIES)
            .stream()
            .filter(x -> NewTests.is(x.claim()))
            .findFirst()
            .orElseThrow();

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("under 'internal/parser'");
  }
}
