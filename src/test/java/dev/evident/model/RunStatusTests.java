package dev.evident.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunStatusTests {

  @Test
  void aRunWithNothingExecutedIsEmptyNeverPassed() {
    assertThat(RunStatus.of(Counts.ZERO, 0)).isEqualTo(RunStatus.EMPTY);
    assertThat(RunStatus.of(Counts.of(0, 0, 0, 12, 0), 0)).isEqualTo(RunStatus.EMPTY);
  }

  @Test
  void errorsOutsideTestsWithNothingExecutedMakeARunBroken() {
    assertThat(RunStatus.of(Counts.of(0, 0, 0, 3, 0), 2)).isEqualTo(RunStatus.BROKEN);
  }

  @Test
  void anyFailureErrorOrRunErrorFailsARunThatExecutedTests() {
    assertThat(RunStatus.of(Counts.of(10, 1, 0, 0, 0), 0)).isEqualTo(RunStatus.FAILED);
    assertThat(RunStatus.of(Counts.of(10, 0, 1, 0, 0), 0)).isEqualTo(RunStatus.FAILED);
    assertThat(RunStatus.of(Counts.of(10, 0, 0, 0, 0), 1)).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void flakyTestsDoNotFailARun() {
    assertThat(RunStatus.of(Counts.of(10, 0, 0, 2, 1), 0)).isEqualTo(RunStatus.PASSED);
  }

  @Test
  void countsCarryTheirDenominatorsAndMustAddUp() {
    Counts c = Counts.of(5, 1, 2, 3, 4);
    assertThat(c.executed()).isEqualTo(12);
    assertThat(c.collected()).isEqualTo(15);
    assertThatThrownBy(() -> new Counts(10, 9, 5, 1, 2, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not add up");
  }
}
