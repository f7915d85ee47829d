package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.verify.CheckedClaim;
import dev.evident.verify.Claim;
import dev.evident.verify.ClaimKind;
import dev.evident.verify.Verdict;
import dev.evident.verify.Verification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How bench/verify-accuracy scores a verification against labels: by line, preferring the labeled
 * kind, with the strict (line and kind) figures kept beside.
 */
class LabeledReportsScoreTests {

  private static CheckedClaim claim(int line, ClaimKind kind, Verdict verdict) {
    Claim c = new Claim(line, "text", kind, "", List.of(), List.of(), null, null, false);
    return new CheckedClaim(c, verdict, Map.of(), "why", List.of(1L));
  }

  private static LabeledReports.Score score(
      List<LabeledReports.Label> labels, CheckedClaim... claims) {
    LabeledReports.Case c =
        new LabeledReports.Case("case", Path.of("r.md"), List.of(), List.of(), null, labels);
    return LabeledReports.score(c, new Verification("r.md", List.of(1L), null, List.of(claims)));
  }

  @Test
  void aClaimOfAnotherKindOnTheLabeledLineIsFoundAndJudgedButNotStrictly() {
    LabeledReports.Score s =
        score(
            List.of(new LabeledReports.Label(8, "universal", "CONTRADICTED", "")),
            claim(8, ClaimKind.NAMED, Verdict.CONTRADICTED));

    assertThat(s.found()).isEqualTo(1);
    assertThat(s.correct()).isEqualTo(1);
    assertThat(s.falseContradicted()).isZero();
    assertThat(s.kindAgreed()).isZero();
    assertThat(s.strictFound()).isZero();
    assertThat(s.strictCorrect()).isZero();
    assertThat(s.strictFalseContradicted()).isEqualTo(1);
  }

  @Test
  void theClaimOfTheLabeledKindIsPreferredOverAnotherOnTheSameLine() {
    LabeledReports.Score s =
        score(
            List.of(new LabeledReports.Label(3, "count", "SUPPORTED", "")),
            claim(3, ClaimKind.NAMED, Verdict.UNVERIFIABLE),
            claim(3, ClaimKind.COUNT, Verdict.SUPPORTED));

    assertThat(s.correct()).isEqualTo(1);
    assertThat(s.kindAgreed()).isEqualTo(1);
    assertThat(s.strictCorrect()).isEqualTo(1);
  }

  @Test
  void aContradictedClaimOnALineLabeledOtherwiseIsFalseInBothFigures() {
    LabeledReports.Score s =
        score(
            List.of(new LabeledReports.Label(5, "named", "SUPPORTED", "")),
            claim(5, ClaimKind.NAMED, Verdict.CONTRADICTED),
            claim(9, ClaimKind.COUNT, Verdict.CONTRADICTED));

    assertThat(s.correct()).isZero();
    assertThat(s.falseContradicted()).isEqualTo(2);
    assertThat(s.strictFalseContradicted()).isEqualTo(2);
    assertThat(s.errors()).anyMatch(e -> e.contains("case:9: unlabeled count claim"));
  }
}
