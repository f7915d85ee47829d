package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A universal claim whose own sentence sets tests apart is checked on the others: one test set
 * apart by description ("except the gift card one"), errors told apart from failures, the skipped
 * tests of "all executed tests". A denied universal ("not everything is green") is no claim that
 * every test passes. A claim under a heading that names nothing is placed by the parts its sentence
 * names; a fraction of the tests that ran is not one of the tests that passed.
 */
class SetApartTests {

  private static Evidence latest(TestEvidence[]... suites) {
    return new Evidence(
        List.of(
            run(
                2,
                java.util.Arrays.stream(suites)
                    .flatMap(java.util.Arrays::stream)
                    .toArray(TestEvidence[]::new))),
        null);
  }

  private static final Outcome P = Outcome.PASSED;

  /** shop: 4 passed; gift: 1 failed; docs: 2 passed, 1 skipped; auth: 2 passed, 1 errored. */
  private static final Evidence ONE_OF_EACH =
      latest(
          suite("shop", P, P, P, P),
          suite("gift", Outcome.FAILED),
          suite("docs", P, P, Outcome.SKIPPED),
          suite("auth", P, P, Outcome.ERRORED));

  private static CheckedClaim universal(String markdown, Evidence evidence) {
    return VerifyFixtures.check(markdown, evidence, SubjectResolver.NO_CATEGORIES).stream()
        .filter(c -> c.claim().expectation() != null)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no universal claim in " + markdown));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          gift   | Everything is green except the gift card one.      | SUPPORTED
          auth   | All tests pass apart from the errored one.          | SUPPORTED
          docs   | Docs is all green except that skip.                 | SUPPORTED
          shop   | Everything is green except the gift card one.      | SUPPORTED
          """)
  void oneTestSetApartByDescriptionIsLeftOut(String failing, String sentence, Verdict verdict) {
    Evidence evidence =
        switch (failing) {
          case "gift" -> latest(suite("shop", P, P, P), suite("gift", Outcome.FAILED));
          case "auth" -> latest(suite("shop", P, P, P), suite("auth", P, Outcome.ERRORED));
          case "docs" -> latest(suite("docs", P, P, Outcome.SKIPPED));
          default -> latest(suite("shop", P, P, P));
        };
    CheckedClaim c = universal(sentence, evidence);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(verdict);
  }

  @Test
  void aDescribedExceptionCoversOneTestNotTwo() {
    CheckedClaim c =
        universal(
            "Everything is green except the gift card one.",
            latest(suite("shop", P, Outcome.FAILED), suite("gift", Outcome.FAILED)));

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void errorsTheSentenceSetsApartFromFailuresAreNotFailures() {
    Evidence evidence = latest(suite("shop", P, P), suite("auth", P, Outcome.ERRORED));

    CheckedClaim apart =
        universal(
            "Zero failures on the branch (the error above is a setup crash, not an assertion).",
            evidence);
    CheckedClaim plain = universal("Zero failures on the branch.", evidence);

    assertThat(apart.verdict()).as(apart.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(plain.verdict()).as(plain.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void allExecutedTestsPassingSaysNothingOfTheSkippedOnes() {
    Evidence evidence = latest(suite("docs", P, P, P, Outcome.SKIPPED));

    CheckedClaim executed = universal("All 3 executed docs tests pass.", evidence);
    CheckedClaim all = universal("All 4 docs tests pass.", evidence);

    assertThat(executed.verdict()).as(executed.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(all.verdict()).as(all.reason()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aDeniedUniversalIsNoClaimThatEveryTestPasses() {
    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "Not everything is green though: 8 passed, 1 failed.",
            ONE_OF_EACH,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).noneMatch(c -> c.claim().expectation() == Expectation.PASS);
    assertThat(claims).noneMatch(c -> c.claim().expectation() == Expectation.NO_FAILURES);
  }

  @Test
  void aClaimUnderAHeadingThatNamesNothingIsPlacedInThePartsItsSentenceNames() {
    CheckedClaim c = universal("## Release gate\n\nNo failures in shop or docs.\n", ONE_OF_EACH);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("shop").contains("docs");
  }

  @Test
  void aFractionOfTheTestsThatRanIsCheckedAsExecutedOfCollected() {
    Evidence evidence =
        latest(suite("eval", P, Outcome.FAILED, P, P, Outcome.SKIPPED, Outcome.SKIPPED));

    List<CheckedClaim> claims =
        VerifyFixtures.check(
            "- eval: 2 samples were skipped for their long prompts, so it was scored on 4 of 6.",
            evidence,
            SubjectResolver.NO_CATEGORIES);

    assertThat(claims).isNotEmpty();
    assertThat(claims).noneMatch(c -> c.verdict() == Verdict.CONTRADICTED);
    assertThat(claims).anyMatch(c -> c.reason().startsWith("read as 4 executed of 6"));
  }

  @Test
  void aWordWithItsCountInBracketsIsTheGroupCounted() {
    Evidence evidence = latest(suite("lexer", P, P, P, P), suite("parser", P, P, P, P, P, P));

    CheckedClaim c =
        VerifyFixtures.check(
                "The lexer (4 tests) and the parser are fully green.",
                evidence,
                SubjectResolver.NO_CATEGORIES)
            .stream()
            .filter(x -> !x.claim().stated().isEmpty())
            .findFirst()
            .orElseThrow();

    assertThat(c.verdict()).as(c.reason()).isNotEqualTo(Verdict.CONTRADICTED);
    assertThat(Narrower.in("The lexer (4 tests) and the parser")).contains("lexer");
  }
}
