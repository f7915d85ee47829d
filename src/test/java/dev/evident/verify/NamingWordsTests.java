package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.only;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A subject in plain words names a part among words that only say something about it ("Cache warmup
 * rewrite" for CacheWarmupTests): read as about that part, a guess that can be borne out but never
 * contradicts.
 */
class NamingWordsTests {

  /** CacheWarmupTests 6 passed, LedgerTests 4 passed and 1 failed, Audit 3 passed. */
  private static final Evidence SHOP =
      new Evidence(
          List.of(
              run(
                  2,
                  all(
                      suite("com.shop.CacheWarmupTests", 6, 0),
                      suite("com.shop.LedgerTests", 4, 1),
                      suite("com.shop.AuditTest", 3, 0)))),
          null);

  @Test
  void theWordsThatNameAPartAreKeptAndTheOthersDropped() {
    Set<String> parts = Set.of("Cache", "warmup", "ledger");

    assertThat(NamingWords.kept("Cache warmup rewrite", parts::contains)).isEqualTo("Cache warmup");
    assertThat(NamingWords.kept("ledger rounding changes", parts::contains)).isEqualTo("ledger");
    assertThat(NamingWords.kept("Cache and ledger", parts::contains)).isNull();
    assertThat(NamingWords.kept("ledger", parts::contains)).isNull();
    assertThat(NamingWords.kept("quota rework", parts::contains)).isNull();
  }

  @Test
  void aPartNamedAmongDescribingWordsBearsOutItsCounts() {
    CheckedClaim c =
        only(
            "| Item | Tests | Status |\n|---|---|---|\n| Cache warmup race fix | 6/6 passing | Done |\n",
            SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.reason()).contains("suite com.shop.CacheWarmupTests (6 tests)");
  }

  @Test
  void aPartNamedAmongDescribingWordsNeverContradicts() {
    CheckedClaim c = only("- Ledger rounding changes: 5/5 passing.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).contains("read as about 'Ledger'").contains("LedgerTests");
  }

  @Test
  void wordsThatNameNothingLeaveTheClaimUnverifiable() {
    CheckedClaim c = only("- Quota rework: 6/6 passing.", SHOP);

    assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(c.reason()).contains("'Quota rework' names no part");
  }
}
