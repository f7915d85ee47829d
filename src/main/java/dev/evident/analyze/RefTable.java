package dev.evident.analyze;

/**
 * A map from test refs to small non-negative ints, open addressing over two arrays: the history
 * analyses keep one entry per test of a project (hundreds of thousands), which boxed maps would
 * make ten times larger. Not thread safe.
 */
final class RefTable {

  private static final int ABSENT = -1;

  private long[] keys = new long[64];
  private int[] values = new int[64];
  private boolean[] used = new boolean[64];
  private int size;

  /** The value of {@code ref}, or -1 when it has none. */
  int get(long ref) {
    int mask = keys.length - 1;
    for (int i = slot(ref, mask); used[i]; i = (i + 1) & mask) {
      if (keys[i] == ref) {
        return values[i];
      }
    }
    return ABSENT;
  }

  boolean contains(long ref) {
    return get(ref) != ABSENT;
  }

  void put(long ref, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(ref, mask);
    while (used[i] && keys[i] != ref) {
      i = (i + 1) & mask;
    }
    if (!used[i]) {
      used[i] = true;
      keys[i] = ref;
      size++;
    }
    values[i] = value;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long ref, int mask) {
    long h = ref * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
