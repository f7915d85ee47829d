package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.changes;
import static dev.evident.verify.NumberFixtures.claims;
import static dev.evident.verify.NumberFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Changes and arithmetic a report states: columns per run, differences, factors, sums. */
class ChangeArithmeticTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Checkout p95: 41 ms → 12 ms with 200 concurrent clients (5x faster) | INCONSISTENT
          Checkout p95: 40 ms → 8 ms with 200 concurrent clients (5x faster)  | UNVERIFIABLE
          The export is 20x faster (from 10 min to 30 s)                      | UNVERIFIABLE
          """)
  void aMetricsFactorMustBeTheRatioOfItsNumbersInOneUnit(String line, Verdict verdict) {
    Verification v = verify(line);
    assertThat(v.claims()).extracting(CheckedClaim::verdict).containsExactly(verdict);
  }

  @Test
  void aTableWithAColumnPerRunIsAChangePerRowFromTheEarlierColumn() {
    assertThat(
            changes(
                """
                | Module | Before | After | Notes |
                |---|---|---|---|
                | core | 40/40 | 42/42 | 2 new tests |
                | web | 29/30 | 26/30 | |
                """))
        .isEqualTo(
            "core [passing=40, tests=40] -> [passing=42, tests=42]; "
                + "web [passing=29, tests=30] -> [passing=26, tests=30]");
    assertThat(
            changes(
                """
                | Suite | Outage run | Rerun after restart |
                |---|---|---|
                | CacheStoreTest | 14 errored | 14 passed |
                """))
        .isEqualTo("CacheStoreTest [errored=14] -> [passing=14]");
    assertThat(
            changes(
                """
                | package | tasks | ckpt 1200 | ckpt 1800 | Δ |
                |---|---|---|---|---|
                | sql-gen | 25 | 15 | 19 | +4 |
                """))
        .isEqualTo("sql-gen [passing=15, tests=25] -> [passing=19, tests=25]");
  }

  @Test
  void numbersOverTheTotalAreNotCountsOfPassing() {
    assertThat(
            claims(
                """
                | Service | samples | before | after |
                |---|---|---|---|
                | api | 40 | 120 | 85 |
                """))
        .isEmpty();
  }

  @Test
  void columnsOfCategoriesAreNotRuns() {
    assertThat(
            claims(
                """
                | Model | gsm-hard | mbpp-lite | toolcall | Notes |
                |---|---|---|---|---|
                | acme-ft-v2 | 31/50 | 26/40 | 18/30 | |
                """))
        .allMatch(c -> c.before().isEmpty());
  }

  @Test
  void anEmojiBeforeAColumnsWordLeavesTheColumnCounted() {
    String table =
        """
        | Suite | Tests | ✅ Passed | ❌ Failed | 💥 Errors | ⏭️ Skipped |
        |-------|-------|-----------|-----------|-----------|------------|
        | Feature | 15 | 13 | 0 | 1 | 1 |
        """;
    assertThat(claims(table).get(0).quantity(Measure.ERRORED)).isNotNull();
    assertThat(verify(table).claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Net: 7 fewer passing tests (87 → 80), a drop of 9%.   | INCONSISTENT
          Net: 7 fewer passing tests (87 → 80), a drop of 8%.   | UNVERIFIABLE
          Passing tests went from 87 to 80 (-8%).               | UNVERIFIABLE
          Core grew from 40 to 42 passing tests (+2%).          | INCONSISTENT
          Core grew from 40 to 42 passing tests (+5%).          | UNVERIFIABLE
          """)
  void aPercentageChangeMustBeTheChangeOfItsNumbersRounded(String line, Verdict verdict) {
    assertThat(verify(line).claims())
        .filteredOn(cc -> cc.claim().kind() == ClaimKind.CHANGE)
        .extracting(CheckedClaim::verdict)
        .containsExactly(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          8 tests fixed in this session                            | [failing=>=8] -> []
          This fixes 4 tests that were failing on `main`.          | [failing=>=4] -> []
          48 passing on `main`, 50 passing on this branch.         | [passing=48] -> [passing=50]
          41 passed yesterday, 44 passed today.                    | [passing=41] -> [passing=44]
          """)
  void readsChangesAgainstTheBaselineInOtherWords(String line, String change) {
    List<Claim> claims = claims("## Tests\n\n" + line);
    assertThat(claims).extracting(c -> c.kind().id()).contains("change");
    assertThat(changes("## Tests\n\n" + line)).endsWith(change);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Not passing overall: 17 errors + 1 failure = 19 tests     | INCONSISTENT
          Not passing overall: 17 errors + 1 failure = 18 tests     | UNVERIFIABLE
          Failures halved overall: 40 → 26                          | INCONSISTENT
          Failures halved overall: 40 → 20                          | UNVERIFIABLE
          """)
  void writtenSumsAndFactorWordsMustMatchTheirNumbers(String line, Verdict verdict) {
    assertThat(verify("## Tests\n\n- " + line).claims())
        .extracting(CheckedClaim::verdict)
        .containsOnly(verdict);
  }

  @Test
  void aFactorThatRefersToTheChangeBeforeItIsCheckedAgainstItsNumbers() {
    String report =
        """
        ### Results
        - Integration tests: 0/18 → 1/18
        - That's a 20x improvement in the integration pass rate!
        """;
    assertThat(verify(report).claims())
        .filteredOn(cc -> cc.claim().line() == 3)
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.INCONSISTENT);
    String right =
        """
        ### Results
        - Integration tests: 4/18 → 12/18 passing
        - That's a 3x improvement in the integration pass rate!
        """;
    assertThat(verify(right).claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
    String ofPassing =
        """
        18 tests pass now, up from 12 last week.

        Failures dropped from 8 to 2.

        That is a 1.5x improvement in passing tests.
        """;
    assertThat(verify(ofPassing).claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
  }

  @Test
  void aRateNowStatedInAChangeMustAgreeWithTheSameRateElsewhere() {
    assertThat(changes("- Coverage: 84% (from 71%)"))
        .isEqualTo(" [coverage=71%] -> [coverage=84%]");
    String report =
        """
        - Coverage: 84% (from 71%)

        Coverage is 82%, up from 71%.
        """;
    assertThat(verify(report).claims())
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.INCONSISTENT, Verdict.INCONSISTENT);
  }

  @Test
  void percentagesThatReferToAChangeOfPassingTestsAreItsPassRates() {
    String report =
        """
        - Full suite: 43/45 passing (was 35/42)
        - That's a jump from 83% to 96%
        """;
    assertThat(changes(report)).endsWith("[pass rate=83%] -> [pass rate=96%]");
    assertThat(claims("## Sprint\n\n- Deploys: 4 of 5 done\n- That's a jump from 83% to 96%"))
        .isEmpty();
  }
}
