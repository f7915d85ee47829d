package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Claims with numbers: where they are read, what they state, and their own arithmetic. */
class NumberClaimsTests {

  private static List<Claim> claims(String markdown) {
    return ClaimExtractor.extract(markdown, false).claims();
  }

  private static String lines(String markdown) {
    return claims(markdown).stream()
        .map(c -> c.line() + ":" + c.kind().id())
        .collect(Collectors.joining(" "));
  }

  /** Verified with no runs: only the report's own arithmetic can decide. */
  private static Verification verify(String markdown) {
    return new Verifier(SubjectResolver.NO_CATEGORIES)
        .verify("r.md", markdown, Evidence.NONE, false);
  }

  @Test
  void eachLineOfAParagraphOfShortLinesIsAClaimOfItsOwn() {
    String digest =
        """
        Result: 61 passed, 3 failed, 2 skipped (66 total)
        Pass rate 95.3% (61/64 executed)
        vs. #1872: failing 1 → 3
        New failures: two of them
        """;
    assertThat(lines(digest)).isEqualTo("1:count 2:rate 3:change");
    Verification v = verify(digest);
    assertThat(v.claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
  }

  @Test
  void wrappedProseIsOneSentenceAcrossItsLines() {
    String prose =
        """
        The nightly run had 61 passed tests and
        3 failed tests, which is the same as
        last week when we saw the same failures.
        """;
    assertThat(claims(prose))
        .extracting(Claim::text)
        .containsOnly(prose.strip().replace('\n', ' '));
  }

  @Test
  void aBulletCharacterBeforeAFileNameLeavesTheFileTheSubject() {
    List<Claim> claims =
        claims(
            """
            quick update on the installer tests
            • install.tap 30/32, looking into the red one
            • upgrade.tap 14 passed + 2 skipped (arm64 runners are down again)
            """);
    assertThat(claims).extracting(Claim::subject).containsOnly("install.tap", "upgrade.tap");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Coverage of `export/`: 94%                                  | rate
          Line coverage is unchanged at 81% (JaCoCo).                 | rate
          Lighthouse performance 92 → 95 on /cart                     | change
          Lighthouse performance score on /search: 91 (was 88).       | change
          Up to 3x faster than the DOM API on documents over 100 MB.  | change
          p99 settlement latency in the nightly load test: 38 ms.     | count
          Mutation score on the workers package: 71%.                 | rate
          Median page load on the product page was 1.2 s.             | count
          """)
  void aMetricThatNoTestResultMeasuresIsAnUnverifiableClaim(String line, String kind) {
    Verification v = verify(line);
    assertThat(v.claims()).hasSize(1);
    assertThat(v.claims().get(0).claim().kind().id()).isEqualTo(kind);
    assertThat(v.claims().get(0).verdict()).isEqualTo(Verdict.UNVERIFIABLE);
  }

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Listening on port 6381 after the upgrade.
          Cost per sample is about $0.004 for both.
          Wall time 2m41s on Python 3.12.
          CI is 20x faster (from 10 min to 30 s), the build 2x faster.
          The SLO target stays at 50 ms p99 and 99.95% availability.
          Load test at 500 rps for 30 minutes.
          """)
  void numbersThatAreNotResultsAreNotClaims(String line) {
    assertThat(claims(line)).isEmpty();
  }

  private static String changes(String markdown) {
    return claims(markdown).stream()
        .map(
            c ->
                c.subject()
                    + " "
                    + c.before().stream().map(q -> q.key() + "=" + q.display()).toList()
                    + " -> "
                    + c.stated().stream().map(q -> q.key() + "=" + q.display()).toList())
        .collect(Collectors.joining("; "));
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

  private static String stated(String markdown) {
    return claims(markdown).stream()
        .map(c -> c.stated().stream().map(q -> q.key() + "=" + q.display()).toList().toString())
        .collect(Collectors.joining("; "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Checkpoint 1800 solves 74 of 100 tasks.        | [passing=74, tests=100]
          v3 solves 84 of 120 samples overall.           | [passing=84, tests=120]
          All but 26 tasks solved at ckpt 1800.          | [not passing=26]
          so 45 of the 46 that ran are fine, 97.8%       | [passing=45, executed=46, pass rate=97.8%]
          45 of the 46 that ran are fine, 95%            | [passing=45, executed=46, pass rate=95%]
          We closed 5 of 6 tasks this sprint.            | ''
          """)
  void readsSolvedSamplesAndTheTestsThatRan(String line, String stated) {
    assertThat(stated(line)).isEqualTo(stated);
  }

  @Test
  void aPercentageRightAfterAPassingFractionIsItsShare() {
    assertThat(verify("- 45 of the 46 that ran are fine, 95%").claims())
        .extracting(CheckedClaim::verdict)
        .containsExactly(Verdict.INCONSISTENT);
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
  void aFractionAfterAllTestsPassIsACountOfItsOwn() {
    assertThat(stated("✅ **All tests passing!** (37/37)")).isEqualTo("[]; [passing=37, tests=37]");
    assertThat(stated("All tests pass, see PR 12/13 for details")).isEqualTo("[]");
  }

  @Test
  void aCountThatIsAPartOfTheRunIsNotComparedWithItsTotal() {
    String report =
        """
        - 82 tests, all green
        - The Billing module accounts for 39 tests
        """;
    assertThat(verify(report).claims()).noneMatch(cc -> cc.verdict() == Verdict.INCONSISTENT);
  }

  @Test
  void aFractionWithItsStatusIsACountInAReportAboutTests() {
    String report =
        """
        # Release

        ## Test suite

        - 48 tests: 46 pass, 1 fails.

        ## By category

        - Service: 25 of 27 passing
        - Parser: 14 of 14 pass.
        """;
    assertThat(claims(report))
        .extracting(c -> c.line() + " " + c.subject())
        .containsExactly("5 ", "9 Service", "10 Parser");
    assertThat(claims("## Sprint\n\n- Service: 25 of 27 passing\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Only one test is skipped (`applies gift card`).   | [skipped=1]
          Two integration tests failed overnight.            | [failing=2]
          We keep one test per file.                         | ''
          Pass rate this sprint: 0.94.                       | [pass rate=94%]
          Pass rate: 0.945                                   | [pass rate=94.5%]
          """)
  void readsNumberWordsAndRatesWrittenAsFractionsOfOne(String line, String stated) {
    assertThat(stated("## Tests\n\n" + line)).isEqualTo(stated);
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
