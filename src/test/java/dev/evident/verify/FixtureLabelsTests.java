package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * "New `MisfireTests` fixture: 8 tests": a label that names a class in backticks and calls it a
 * fixture is about that class; the word "fixture" and the backticks are not part of its name.
 */
class FixtureLabelsTests {

  @Test
  void aFixtureNamedInBackticksIsTheClassItself() {
    assertThat(Subjects.ofLabel("New `MisfireTests` fixture")).isEqualTo("MisfireTests");
    assertThat(Subjects.ofLabel("`CronParserTests` fixtures")).isEqualTo("CronParserTests");
  }

  @Test
  void aCountUnderAFixtureLabelIsCheckedAgainstThatClass() {
    Evidence runs =
        new Evidence(
            java.util.List.of(
                VerifyFixtures.run(
                    2,
                    VerifyFixtures.test(
                        "app.MisfireTests", "a", dev.evident.model.Outcome.PASSED, "M.cs"),
                    VerifyFixtures.test(
                        "app.OtherTests", "b", dev.evident.model.Outcome.PASSED, "O.cs"))),
            null);

    CheckedClaim c = VerifyFixtures.only("- New `MisfireTests` fixture: 1 test, passing\n", runs);

    assertThat(c.claim().subject()).isEqualTo("MisfireTests");
    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
  }
}
