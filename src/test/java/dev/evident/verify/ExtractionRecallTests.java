package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims of wordings and tables that other authors' reports use, read as claims (or not). */
class ExtractionRecallTests {

  private static List<Claim> claims(String markdown) {
    return ClaimExtractor.extract(markdown, false).claims();
  }

  @Test
  void aTableWithColumnsForWeeksIsAChangePerRowEvenWithANoteColumnAfterThem() {
    String table =
        """
        | Area | Week 45 | Week 47 | State |
        |---|---|---|---|
        | Data | 18/25 | 24/25 | one query left |
        | **Total** | **78/95** | **93/97** | |
        """;
    List<Claim> claims = claims(table);
    assertThat(claims).hasSize(2);
    Claim data = claims.get(0);
    assertThat(data.subject()).isEqualTo("Data");
    assertThat(data.quantity(Measure.PASSING).value()).isEqualTo(24);
    assertThat(data.before()).extracting(Quantity::value).containsExactly(18.0, 25.0);
    assertThat(claims.get(1).subject()).isEmpty();
  }

  @Test
  void aTableWithAnOutcomeColumnPerPipelineIsAClaimAboutEachTestItNames() {
    String table =
        """
        | Test | #5512 | #5513 | Call |
        |---|---|---|---|
        | `RefundFlowTests.Refund_IsIdempotent` | ❌ failed | ✅ passed | flaky |
        | `CardVaultTests.Vault_Rotates` | ✅ passed | ❌ failed | flaky |
        | `WebhookRetryTests.Retry_Backoff` | ❌ failed | ❌ failed | real bug |
        """;
    assertThat(claims(table))
        .extracting(Claim::subject, Claim::expectation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "RefundFlowTests.Refund_IsIdempotent", Expectation.FIXED),
            org.assertj.core.groups.Tuple.tuple(
                "CardVaultTests.Vault_Rotates", Expectation.REGRESSED),
            org.assertj.core.groups.Tuple.tuple(
                "WebhookRetryTests.Retry_Backoff", Expectation.FAIL));
  }

  @Test
  void aFractionInWordsAfterATestClassLabelIsItsPassingOfAll() {
    List<Claim> claims = claims("- WebhookRetryTests: 7 of 8 in both runs.\n");
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).subject()).isEqualTo("WebhookRetryTests");
    assertThat(claims.get(0).quantity(Measure.PASSING).value()).isEqualTo(7);
    assertThat(claims.get(0).quantity(Measure.TESTS).value()).isEqualTo(8);
  }

  @Test
  void aFractionInWordsBeforeSomethingElseCountedIsNotAPassingCount() {
    assertThat(claims("- Reviewers: 2 of 3 approvals so far.\n")).isEmpty();
  }

  @Test
  void storyPointsAreAClaimOnlyAsWorkDoneOfThePlanned() {
    assertThat(claims("Fixed the flaky test. Story points: 5. cc @sre-oncall\n"))
        .noneMatch(c -> c.text().contains("Story points"));
    assertThat(claims("- Story points: 34 of 40 delivered.\n")).hasSize(1);
  }

  @Test
  void inAnEvaluationReportAChangeAfterATaskSetNameIsAChangeOfItsPassingSamples() {
    String report =
        """
        # Eval of the fine-tune (1 attempt per sample)

        - summarize improved from 24 to 26.
        - retrieval-qa 28/40 → 35/40
        - Max attempts lowered from 5 to 3.
        """;
    List<Claim> claims = claims(report);
    assertThat(claims).extracting(Claim::subject).containsExactly("summarize", "retrieval-qa");
    assertThat(claims.get(0).quantity(Measure.PASSING).value()).isEqualTo(26);
    assertThat(claims.get(0).before()).extracting(Quantity::value).containsExactly(24.0);
    assertThat(claims.get(1).before()).extracting(Quantity::value).containsExactly(28.0, 40.0);
  }

  @Test
  void aFactorAfterAnEvaluationChangeIsCheckedAgainstItsOwnNumbers() {
    Verification v =
        new Verifier(SubjectResolver.NO_CATEGORIES)
            .verify("r.md", "# Leaderboard\n\n- gsm-hard 31 → 38 (1.5x)\n", Evidence.NONE, false);
    assertThat(v.claims()).extracting(CheckedClaim::verdict).containsExactly(Verdict.INCONSISTENT);
  }

  @Test
  void outsideAnEvaluationReportABareChangeAfterANameIsNotAClaim() {
    assertThat(claims("# Deploy notes\n\n- replicas 3 → 5\n")).isEmpty();
  }

  @Test
  void anApproximatePercentageOfTheSuiteThatPassesIsAPassRate() {
    List<Claim> claims = claims("- ~95% of the suite passes (53/56).\n");
    assertThat(claims).hasSize(1);
    Quantity rate = claims.get(0).quantity(Measure.PASS_RATE);
    assertThat(rate.value()).isEqualTo(95);
    assertThat(rate.bound()).isEqualTo(Bound.APPROX);
  }

  @Test
  void aLabelWithAFractionInEachOfTwoRunsIsAChangeFromTheEarlierRun() {
    List<Claim> claims = claims("- RefundFlowTests: 11/11 in #5513, 10/11 in #5512.\n");
    assertThat(claims).hasSize(1);
    Claim c = claims.get(0);
    assertThat(c.kind()).isEqualTo(ClaimKind.CHANGE);
    assertThat(c.subject()).isEqualTo("RefundFlowTests");
    assertThat(c.quantity(Measure.PASSING).value()).isEqualTo(11);
    assertThat(c.before().get(0).value()).isEqualTo(10);
  }

  @Test
  void aFractionInBothRunsIsNotAChange() {
    List<Claim> claims = claims("- CardVaultTests: 9/9 in both runs, 8/8 in the smoke job.\n");
    assertThat(claims).noneMatch(c -> c.kind() == ClaimKind.CHANGE);
  }
}
