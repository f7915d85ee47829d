package dev.evident.verify;

import static dev.evident.verify.NumberFixtures.claims;
import static dev.evident.verify.NumberFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report that counts "checks" and never says "test" calls its tests checks. */
class CheckNounsTests {

  @Test
  void checksCountedInAReportWithoutTestsAreItsTests() {
    String report =
        """
        # Backup restore drill

        - 24 checks ran in 3 TAP files: 22 passed, 2 skipped.
        - 91% of the executed checks passed.
        """;
    assertThat(lines(report)).contains("3:count").contains("4:rate");
    assertThat(claims(report).get(0).quantity(Measure.PASSING).value()).isEqualTo(22);
  }

  @Test
  void theClaimsQuoteTheReportInItsOwnWords() {
    String report =
        """
        # Backup restore drill

        - 24 checks ran in 3 TAP files: 22 passed, 2 skipped.
        - Checks of the latest snapshot: all 6 green.
        """;
    assertThat(
            new Verifier(SubjectResolver.NO_CATEGORIES)
                .verify("drill.md", report, Evidence.NONE, false)
                .claims())
        .extracting(checked -> checked.claim().text())
        .contains("24 checks ran in 3 TAP files: 22 passed, 2 skipped.")
        .noneMatch(t -> t.matches("(?i).*\\btests?\\b.*"));
  }

  @Test
  void checksBesideTestsAreNotTests() {
    String report =
        """
        # Release

        - All 40 unit tests pass.
        - 12 lint checks ran, 3 failed.
        """;
    assertThat(CheckNouns.asTests(report)).isEqualTo(report);
  }

  @Test
  void aReportThatOnlyMentionsACheckIsLeftAsItIs() {
    assertThat(CheckNouns.asTests("Please check the dashboard; 3 alerts fired.\n"))
        .isEqualTo("Please check the dashboard; 3 alerts fired.\n");
    assertThat(CheckNouns.asTests("40 checks ran: 38 passed.\n"))
        .isEqualTo("40 tests ran: 38 passed.\n");
  }
}
