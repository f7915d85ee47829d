package dev.evident.model;

/**
 * Test counts of a run or a part of it. {@code collected} is every distinct test; {@code executed}
 * is every test but the skipped ones; passed + failed + errored + flaky = executed.
 */
public record Counts(
    long collected,
    long executed,
    long passed,
    long failed,
    long errored,
    long skipped,
    long flaky) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

  public Counts {
    if (passed < 0 || failed < 0 || errored < 0 || skipped < 0 || flaky < 0) {
      throw new IllegalArgumentException("negative count");
    }
    if (executed != passed + failed + errored + flaky || collected != executed + skipped) {
      throw new IllegalArgumentException(
          "counts do not add up: collected=%d executed=%d passed=%d failed=%d errored=%d skipped=%d flaky=%d"
              .formatted(collected, executed, passed, failed, errored, skipped, flaky));
    }
  }

  /** Counts from the number of tests per outcome. */
  public static Counts of(long passed, long failed, long errored, long skipped, long flaky) {
    long executed = passed + failed + errored + flaky;
    return new Counts(executed + skipped, executed, passed, failed, errored, skipped, flaky);
  }

  public long count(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> passed;
      case FAILED -> failed;
      case ERRORED -> errored;
      case SKIPPED -> skipped;
      case FLAKY -> flaky;
    };
  }

  public Counts plus(Outcome outcome, long n) {
    return Counts.of(
        passed + (outcome == Outcome.PASSED ? n : 0),
        failed + (outcome == Outcome.FAILED ? n : 0),
        errored + (outcome == Outcome.ERRORED ? n : 0),
        skipped + (outcome == Outcome.SKIPPED ? n : 0),
        flaky + (outcome == Outcome.FLAKY ? n : 0));
  }

  public Counts plus(Counts other) {
    return Counts.of(
        passed + other.passed,
        failed + other.failed,
        errored + other.errored,
        skipped + other.skipped,
        flaky + other.flaky);
  }
}
