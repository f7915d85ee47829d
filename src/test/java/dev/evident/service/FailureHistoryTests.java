package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.SeenBefore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureHistoryTests {

  @Test
  void saysInWhichRunAFailureWasSeenLastAndHowOftenSinceWhen() {
    SeenBefore seen =
        new SeenBefore(
            3,
            Instant.parse("2026-11-02T23:30:00Z"),
            12,
            Instant.parse("2026-11-20T08:00:00Z"),
            7,
            40);

    assertThat(FailureHistory.describe(seen))
        .isEqualTo("seen before in run 12 (7 times since 2026-11-02)");
  }

  @Test
  void saysOnceForOneRun() {
    Instant when = Instant.parse("2026-11-02T10:00:00Z");

    assertThat(FailureHistory.describe(new SeenBefore(12, when, 12, when, 1, 3)))
        .isEqualTo("seen before in run 12 (once, on 2026-11-02)");
  }
}
