package dev.evident.analyze;

import dev.evident.model.Outcome;
import java.util.Arrays;

/**
 * The outcomes of a project's tests over a window of runs: one row per test (by its ref), one byte
 * per run, 0 where the test did not appear. Filled run by run from the store's results; about one
 * byte per test and run. Not thread safe.
 */
public final class OutcomeHistory {

  static final byte ABSENT = 0;

  private final int runs;
  private long[] keys = new long[1 << 12];
  private int[] rows = new int[1 << 12];
  private boolean[] used = new boolean[1 << 12];
  private long[] refs = new long[1024];
  private byte[][] outcomes = new byte[1024][];
  private int size;

  /** An empty history of {@code runs} runs (index 0 is the oldest). */
  public OutcomeHistory(int runs) {
    this.runs = runs;
  }

  /** Records the outcome of test {@code ref} in run {@code run} (an index into the window). */
  public void add(int run, long ref, Outcome outcome) {
    int row = row(ref); // first: it may grow the arrays
    outcomes[row][run] = (byte) (outcome.ordinal() + 1);
  }

  public int runs() {
    return runs;
  }

  /** How many tests appeared. */
  public int size() {
    return size;
  }

  public long ref(int row) {
    return refs[row];
  }

  /** The outcome of a test in a run, or null when it did not appear in it. */
  public Outcome outcome(int row, int run) {
    byte b = outcomes[row][run];
    return b == ABSENT ? null : OUTCOMES[b - 1];
  }

  byte code(int row, int run) {
    return outcomes[row][run];
  }

  private static final Outcome[] OUTCOMES = Outcome.values();

  /** The row after the last one looked up: runs list their tests in much the same order. */
  private int next;

  private int row(long ref) {
    if (next < size && refs[next] == ref) {
      return next++;
    }
    int row = lookUp(ref);
    next = row + 1;
    return row;
  }

  private int lookUp(long ref) {
    int mask = keys.length - 1;
    int i = (int) mix(ref) & mask;
    while (used[i]) {
      if (keys[i] == ref) {
        return rows[i];
      }
      i = (i + 1) & mask;
    }
    if (size == refs.length) {
      refs = Arrays.copyOf(refs, size * 2);
      outcomes = Arrays.copyOf(outcomes, size * 2);
    }
    refs[size] = ref;
    outcomes[size] = new byte[runs];
    used[i] = true;
    keys[i] = ref;
    rows[i] = size;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = (int) mix(oldKeys[j]) & mask;
        while (used[i]) {
          i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = oldKeys[j];
        rows[i] = oldRows[j];
      }
    }
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }
}
