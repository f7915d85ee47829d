package dev.evident.analyze;

/**
 * When a test's duration changed beyond noise: the longer of the two durations is at least {@code
 * factor} times the shorter <em>and</em> at least {@code floorMicros} longer. Both, because a
 * relative change alone calls 1 ms to 3 ms "3x slower" (scheduling noise), and an absolute change
 * alone calls 60.0 s to 60.2 s slower. Only tests that passed in both runs are judged: a failing
 * test stops early or waits for a timeout, so its time says nothing about the code's speed.
 *
 * @param factor the least ratio of the longer to the shorter duration, above 1
 * @param floorMicros the least difference, in microseconds
 */
public record DurationRule(double factor, long floorMicros) {

  /** 1.5 times and 100 ms: a 40 ms test must take 140 ms to be slower, a 1 s test 1.5 s. */
  public static final DurationRule DEFAULT = new DurationRule(1.5, 100_000);

  public DurationRule {
    if (!(factor > 1) || floorMicros < 0) {
      throw new IllegalArgumentException("factor must be above 1 and the floor not negative");
    }
  }

  /** Whether {@code after} is slower than {@code before}; false when either is unknown (< 0). */
  public boolean slower(long beforeMicros, long afterMicros) {
    return beforeMicros >= 0
        && afterMicros > beforeMicros
        && afterMicros - beforeMicros >= floorMicros
        && afterMicros >= factor * beforeMicros;
  }

  /** Whether {@code after} is faster than {@code before}; false when either is unknown (< 0). */
  public boolean faster(long beforeMicros, long afterMicros) {
    return slower(afterMicros, beforeMicros);
  }
}
