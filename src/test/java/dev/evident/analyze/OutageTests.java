package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which runs are outages (left out of flakiness), and which commit a run tested. */
class OutageTests {

  @ParameterizedTest(name = "{0} executed, {1} failed, {2} for one cause: outage {3}")
  @CsvSource({
    "100, 90, 80, true", // most failed, most for one cause
    "100, 90, 46, true", // more than half of the failures for one cause
    "100, 90, 45, false", // half is not most: two causes, or many
    "100, 50, 50, false", // half failed is not more than half
    "100, 51, 51, true",
    "4, 3, 3, true", // small projects too
    "0, 0, 0, false", // nothing executed: nothing to leave out
  })
  void aRunIsAnOutageWhenMoreThanTheShareFailedAndMostFailuresShareOneCause(
      long executed, long failed, long sharedCause, boolean outage) {
    HistoryRun run =
        new HistoryRun(1, Instant.EPOCH, null, executed, failed, sharedCause, "Connection refused");

    assertThat(run.outage(0.5)).isEqualTo(outage);
    assertThat(run.outageCandidate(0.5)).isEqualTo(executed > 0 && failed * 2 > executed);
  }

  @Test
  void failuresWithTheSameTypeAndMessageShapeShareACauseWhateverTheirStackFrames() {
    CauseTally tally = new CauseTally();
    tally.add(
        new Failure("java.net.ConnectException", "Connection refused after 3012 ms", "at A"), 3);
    tally.add(
        new Failure("java.net.ConnectException", "Connection refused after 3012 ms", "at B"), 2);
    tally.add(
        new Failure("java.net.ConnectException", "Connection refused after 2987 ms", "at C"), 2);
    tally.add(new Failure("java.io.IOException", "Connection refused after 2987 ms", "at D"), 1);
    tally.add(new Failure("AssertionError", "expected 3 but was 4", ""), 4);

    assertThat(tally.topCount()).isEqualTo(7);
    assertThat(tally.topCause()).isEqualTo("Connection refused after 3012 ms");
  }

  @Test
  void theCommitIsGitsUnlessTheTreeWasDirtyElseACommitLabel() {
    assertThat(HistoryRun.commitOf(run(Map.of("git.commit", "abc1234"), Map.of())))
        .isEqualTo("abc1234");
    assertThat(
            HistoryRun.commitOf(
                run(Map.of("git.commit", "abc1234", "git.dirty", "true"), Map.of())))
        .isNull();
    assertThat(HistoryRun.commitOf(run(Map.of(), Map.of("commit", "def5678"))))
        .isEqualTo("def5678");
    assertThat(HistoryRun.commitOf(run(Map.of(), Map.of("git.commit", "0a1b2c3"))))
        .isEqualTo("0a1b2c3");
    assertThat(HistoryRun.commitOf(run(Map.of(), Map.of()))).isNull();
  }

  private static Run run(Map<String, String> attributes, Map<String, String> labels) {
    return new Run(
        1,
        "shop",
        "ingest",
        Instant.EPOCH,
        null,
        null,
        RunStatus.PASSED,
        "",
        null,
        attributes,
        labels,
        Counts.of(1, 0, 0, 0, 0),
        0,
        0);
  }
}
