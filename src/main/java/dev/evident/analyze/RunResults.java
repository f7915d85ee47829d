package dev.evident.analyze;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * Every result of one run, as three parallel arrays ordered by test: the test (a key that is the
 * same for the same test in the other run compared, such as the store's test ref), its outcome and
 * its duration in microseconds (-1 when unknown). Compact: 17 bytes a result, no boxing. Immutable
 * once built; a test appears at most once (the last result added wins).
 */
public final class RunResults {

  /** A duration that is not known. */
  public static final long NO_DURATION = -1;

  private static final Outcome[] OUTCOMES = Outcome.values();

  private final long[] tests;
  private final byte[] outcomes;
  private final long[] micros;

  private RunResults(long[] tests, byte[] outcomes, long[] micros) {
    this.tests = tests;
    this.outcomes = outcomes;
    this.micros = micros;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return tests.length;
  }

  public long test(int i) {
    return tests[i];
  }

  public Outcome outcome(int i) {
    return OUTCOMES[outcomes[i]];
  }

  /** The duration in microseconds, or {@link #NO_DURATION}. */
  public long micros(int i) {
    return micros[i];
  }

  /** The index of a test's result, negative when it has none here. */
  public int indexOf(long test) {
    return Arrays.binarySearch(tests, test);
  }

  /** The outcome of a test, or null when it has no result here. */
  public Outcome outcomeOf(long test) {
    int i = Arrays.binarySearch(tests, test);
    return i < 0 ? null : outcome(i);
  }

  /** The counts of these results, by outcome. */
  public Counts counts() {
    long[] n = new long[OUTCOMES.length];
    for (byte o : outcomes) {
      n[o]++;
    }
    return Counts.of(
        n[Outcome.PASSED.ordinal()],
        n[Outcome.FAILED.ordinal()],
        n[Outcome.ERRORED.ordinal()],
        n[Outcome.SKIPPED.ordinal()],
        n[Outcome.FLAKY.ordinal()]);
  }

  /** The sum of the known durations, in microseconds. */
  public long totalMicros() {
    long total = 0;
    for (long m : micros) {
      if (m > 0) {
        total += m;
      }
    }
    return total;
  }

  /** The same results with every test key replaced (to match tests of another project). */
  public RunResults withTests(LongUnaryOperator key) {
    Builder b = new Builder();
    for (int i = 0; i < tests.length; i++) {
      b.add(key.applyAsLong(tests[i]), outcome(i), micros[i]);
    }
    return b.build();
  }

  /** Collects results in any order; {@link #build} orders them by test. */
  public static final class Builder {
    private long[] tests = new long[64];
    private byte[] outcomes = new byte[64];
    private long[] micros = new long[64];
    private int size;
    private boolean ordered = true;

    private Builder() {}

    public Builder add(long test, Outcome outcome, long durationMicros) {
      if (size == tests.length) {
        tests = Arrays.copyOf(tests, size * 2);
        outcomes = Arrays.copyOf(outcomes, size * 2);
        micros = Arrays.copyOf(micros, size * 2);
      }
      if (size > 0 && tests[size - 1] >= test) {
        ordered = false;
      }
      tests[size] = test;
      outcomes[size] = (byte) outcome.ordinal();
      micros[size] = durationMicros < 0 ? NO_DURATION : durationMicros;
      size++;
      return this;
    }

    public RunResults build() {
      if (ordered) {
        return new RunResults(
            Arrays.copyOf(tests, size), Arrays.copyOf(outcomes, size), Arrays.copyOf(micros, size));
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      // Stable, so that of two results of one test the one added last comes last and wins.
      Arrays.sort(order, (a, b) -> Long.compare(tests[a], tests[b]));
      int n = 0;
      long[] t = new long[size];
      byte[] o = new byte[size];
      long[] m = new long[size];
      for (int k = 0; k < size; k++) {
        int i = order[k];
        if (n > 0 && t[n - 1] == tests[i]) {
          n--;
        }
        t[n] = tests[i];
        o[n] = outcomes[i];
        m[n] = micros[i];
        n++;
      }
      return new RunResults(Arrays.copyOf(t, n), Arrays.copyOf(o, n), Arrays.copyOf(m, n));
    }
  }
}
