package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers that are about the baseline or about a change against it, never the latest run's count: a
 * delta column of a week-over-week table, "3 new tests", "8 tests fixed", "last week's 1 failure".
 * Read as the run's count they would be CONTRADICTED by a run that agrees with them.
 */
class BaselineWordingsTests {

  private static List<Claim> claims(String markdown) {
    return ClaimExtractor.extract(markdown, false).claims();
  }

  private static String values(List<Quantity> qs) {
    return String.join(", ", qs.stream().map(q -> q.key() + "=" + q.display()).toList());
  }

  @Test
  void aDeltaColumnIsNeverTheValueNow() {
    List<Claim> rows =
        claims(
            """
            ## Headline

            | Metric | Week 46 | Week 47 | Δ |
            |---|---|---|---|
            | Tests executed | 32 | 35 | +3 |
            | Skipped | 1 | 1 | 0 |
            | Flaky | 0 | 2 | +2 |
            """);
    assertThat(rows)
        .extracting(c -> c.line() + " " + values(c.stated()))
        .containsExactly("5 executed=35", "6 skipped=1", "7 flaky=2");
  }

  @Test
  void aChangeColumnHeadedChangeIsSkippedToo() {
    List<Claim> rows =
        claims(
            """
            | | Before | After | Change |
            |---|---|---|---|
            | Failed | 5 | 2 | -3 |
            """);
    assertThat(rows).extracting(c -> values(c.stated())).containsExactly("failing=2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3 new tests in `orders.spec.ts` (cancellation flow), all passing.",
        "2 additional tests in `cart.spec.ts`.",
        "8 tests fixed in this session",
        "5 tests were added to the suite.",
        "`search.spec.ts` is green again after last week's 1 failure.",
        "Down from the previous 4 failures."
      })
  void aCountOfTheChangeOrOfTheBaselineIsNotTheRunsCount(String line) {
    for (Claim c : claims("## Notes\n\n- " + line)) {
      assertThat(c.stated())
          .as(line + " read as " + values(c.stated()))
          .noneMatch(q -> !q.measure().isRate() && !NewTests.LABEL.equals(q.label()));
    }
  }

  @Test
  void aPlainCountBesideThoseWordsIsStillRead() {
    assertThat(claims("## Notes\n\n- 12 tests in `orders.spec.ts`, all passing."))
        .extracting(c -> values(c.stated()))
        .anyMatch(v -> v.contains("12"));
  }
}
