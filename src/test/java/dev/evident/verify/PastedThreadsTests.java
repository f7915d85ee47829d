package dev.evident.verify;

import static dev.evident.verify.VerifyFixtures.all;
import static dev.evident.verify.VerifyFixtures.check;
import static dev.evident.verify.VerifyFixtures.run;
import static dev.evident.verify.VerifyFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chat thread pasted into a report: each line of a message is a statement of its own, a quoted
 * reply is read, and the asides that open a chat line ("ok so for the ticket:", "numbers for the
 * record:") name no part of the run.
 */
class PastedThreadsTests {

  /** Latest: api 12 passed + 1 failed, web 6 passed + 1 errored. Baseline: api 10 + 3 failed. */
  private static final Evidence RUNS =
      new Evidence(
          List.of(run(2, all(suite("api", 12, 1), suite("web", 6, 0, 1)))),
          run(1, all(suite("api", 10, 3), suite("web", 6, 0))));

  private static Map<Integer, Verdict> verdicts(String markdown) {
    return VerifyFixtures.byLine(markdown, RUNS);
  }

  @Test
  void eachLineOfAMessageIsAStatementOfItsOwn() {
    String thread =
        """
        # Stand-up

        **Ines Duarte** 9:36 AM
        nightly numbers for the record: 20 tests, 18 passing, 1 failing, 1 errored :bar_chart:
        that's up from 16 passing on Monday
        pass rate went from 81.3% to 95% :rocket:
        """;

    Map<Integer, Verdict> v = verdicts(thread);

    assertThat(v).containsEntry(4, Verdict.SUPPORTED);
    assertThat(v).containsEntry(5, Verdict.SUPPORTED);
    assertThat(v).containsEntry(6, Verdict.CONTRADICTED); // 18 of 20 executed is 90%
  }

  @Test
  void aQuotedReplyInAThreadIsRead() {
    String thread =
        """
        # Stand-up

        > **Ola** 9:40 AM
        > ok so for the ticket: 20 ran, 18 passed, 1 failed, 1 errored → 95% pass rate
        """;

    Map<Integer, Verdict> v = verdicts(thread);

    assertThat(v).containsEntry(4, Verdict.INCONSISTENT); // 18 of 20 is 90%, by its own numbers
  }

  @Test
  void quotedOutputWithoutAnAuthorStaysOutOfTheCheck() {
    String report = "# Run\n\n> 3 failed, 53 passed in 12.0s\n";

    assertThat(check(report, RUNS, SubjectResolver.NO_CATEGORIES)).isEmpty();
  }

  @Test
  void anAsideBeforeTheFiguresNamesNothing() {
    assertThat(Subjects.ofLabel("nightly numbers for the record")).isEmpty();
    assertThat(Subjects.ofLabel("ok so for the ticket")).isEmpty();
    assertThat(Subjects.ofLabel("summary for the notes")).isEmpty();
    assertThat(Subjects.ofLabel("checkout for the record")).isEqualTo("checkout");
  }

  @Test
  void aMessageHeaderIsAnAuthorAndATimeOfDay() {
    assertThat(ChatLines.isHeader("Maya Okafor 9:31 AM")).isTrue();
    assertThat(ChatLines.isHeader("[09:31] Maya:")).isTrue();
    assertThat(ChatLines.isHeader("Release 2.14 at 9:30")).isFalse();
    assertThat(ChatLines.isHeader("Tests: 9 of 10")).isFalse();
  }
}
