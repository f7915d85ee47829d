package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Subjects and statements in wordings of reports written by others: a clause after a semicolon that
 * opens with a file, a label whose parentheses name a file, and "no flaky tests".
 */
class ClauseSubjectsTests {

  private static List<Claim> claims(String markdown) {
    return ClaimExtractor.extract(markdown, false).claims();
  }

  @Test
  void aClauseAfterASemicolonThatOpensWithAFileIsAboutThatFile() {
    List<Claim> c =
        claims("## Yesterday\n\n- finished the SMS provider swap; `sms.test.ts` is 6/6 ✅");
    assertThat(c).extracting(Claim::subject).containsExactly("sms.test.ts");
  }

  @Test
  void aSemicolonBeforePlainWordsDoesNotCutTheStatement() {
    List<Claim> c = claims("## Numbers\n\n- Ran 29 tests; 27 passed, 2 failed");
    assertThat(c).extracting(Claim::subject).containsOnly("");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Failover drill (`failover.tap`): 7 of 8 passed, 1 skipped | failover.tap
          Smoke tag (`@smoke`): 7/8 passing                        | smoke
          Smoke suite: 21 of 22 tests passed                       | Smoke
          """)
  void aCodeNameInParenthesesAfterALabelIsItsSubject(String line, String subject) {
    assertThat(claims("## Verification\n\n- " + line)).extracting(Claim::subject).contains(subject);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"no flaky test", "No flaky tests this week.", "flaky: none", "Zero flakes"})
  void sayingThereIsNoFlakyTestIsAUniversalClaim(String line) {
    assertThat(claims("## Numbers\n\n- " + line))
        .extracting(Claim::expectation)
        .containsExactly(Expectation.NO_FLAKY);
  }
}
