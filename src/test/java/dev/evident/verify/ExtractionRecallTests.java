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
}
