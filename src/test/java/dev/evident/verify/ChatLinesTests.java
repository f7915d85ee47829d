package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chat transcript in a report: the channel heading ("#team-ci: thread") and each line's emoji and
 * speaker (":speech_balloon: *lee*:") name no subject; a label after the speaker still does. A
 * "Correction:" names nothing either, and "no regressions" of a run where nothing executed is not
 * borne out.
 */
class ChatLinesTests {

  /** Run 2: cart 9 passed + 1 failed, pay 5 passed. */
  private static final Evidence RUN =
      new Evidence(List.of(run(2, all(suite("cart", 9, 1), suite("pay", 5, 0)))), null);

  private static List<CheckedClaim> check(String markdown, Evidence evidence) {
    List<CheckedClaim> claims =
        VerifyFixtures.check(markdown, evidence, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(markdown).isNotEmpty();
    return claims;
  }

  @Test
  void aChannelHeadingNamesNoSubject() {
    assertThat(Subjects.ofHeading("#team-ci: thread summary (Fri)")).isEmpty();
    assertThat(Subjects.ofHeading("#builds · export")).isEmpty();
    assertThat(Subjects.ofHeading("Checkout flow")).isEqualTo("Checkout flow");
  }

  @Test
  void aSpeakerLineUnderAChannelIsCheckedAgainstTheWholeRun() {
    String report = "## #team-ci: thread summary\n\n:speech_balloon: *lee*: 15 tests, 1 failed\n";
    for (CheckedClaim c : check(report, RUN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    }
  }

  @Test
  void aLabelAfterTheSpeakerNamesTheSubject() {
    String report =
        "## #team-ci: thread summary\n\n:speech_balloon: *lee*: pay: 5 of 5 tests passed\n";
    for (CheckedClaim c : check(report, RUN)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
      assertThat(c.reason()).contains("pay");
    }
  }

  @Test
  void anEmojiBeforeACapitalizedLabelIsNotASpeaker() {
    assertThat(ChatLines.withoutSpeaker(":white_check_mark: Cart: 9/10").strip())
        .isEqualTo("Cart: 9/10");
    assertThat(ChatLines.withoutSpeaker("[09:12] kim.o: all green").strip()).isEqualTo("all green");
  }

  @Test
  void aCorrectionLabelNamesNoSubject() {
    assertThat(Subjects.ofLabel("Correction")).isEmpty();
  }

  @Test
  void noRegressionsWhenNothingRanIsNotSupported() {
    Evidence broken = new Evidence(List.of(run(2)), run(1, suite("cart", 4, 0)));
    for (CheckedClaim c : check("No regressions since the last nightly.\n", broken)) {
      assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    }
  }
}
