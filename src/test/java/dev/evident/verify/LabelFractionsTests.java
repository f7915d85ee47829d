package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Lexer: 7/8, with 1 failure": a bare fraction right after a label is the label's passing tests of
 * its total, also when counts of failed or skipped tests follow it in a section about tests.
 */
class LabelFractionsTests {

  private static Claim read(String markdown, int line) {
    return ClaimExtractor.extract(markdown, false).claims().stream()
        .filter(c -> c.line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no claim on line " + line));
  }

  @Test
  void theFractionAfterALabelIsReadBesideTheFailuresAfterIt() {
    Claim c = read("## Test health\n\n- Lexer: 7/8, with 1 failure.\n- 20 tests ran.\n", 3);

    assertThat(c.subject()).isEqualTo("Lexer");
    assertThat(c.quantity(Measure.PASSING).value()).isEqualTo(7);
    assertThat(c.quantity(Measure.TESTS).value()).isEqualTo(8);
    assertThat(c.quantity(Measure.FAILING).value()).isEqualTo(1);
  }

  @Test
  void theFractionAndTheFailuresAreCheckedAgainstTheLabelsTests() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "## Test health\n\n- lexer: 7/8, with 1 failure.\n- 20 tests ran.\n",
            new Evidence(
                List.of(run(3, VerifyFixtures.all(suite("lexer", 7, 1), suite("parser", 12, 0)))),
                null),
            SubjectResolver.NO_CATEGORIES);

    CheckedClaim c = claims.stream().filter(x -> x.claim().line() == 3).findFirst().orElseThrow();
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aFractionAfterTheCountsIsNotTheLabels() {
    Claim c = read("## Test health\n\n- Lexer: 1 failure, see 3/4 of the notes.\n", 3);

    assertThat(c.quantity(Measure.PASSING)).isNull();
  }
}
