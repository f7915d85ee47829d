package dev.evident.analyze;

import java.util.Arrays;

/**
 * Summed durations by test key, in open-addressing arrays: a window of 30 runs of 5,000 tests adds
 * 150,000 durations without boxing one. Not thread safe.
 */
final class TestTimes {

  private long[] keys;
  private boolean[] used;
  private long[] total;
  private int[] runs;
  private long[] max;
  private int size;

  TestTimes(int expected) {
    allocate(Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    used = new boolean[capacity];
    total = new long[capacity];
    runs = new int[capacity];
    max = new long[capacity];
  }

  /** Adds one known duration of a test. */
  void add(long key, long micros) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int i = slot(key);
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
    }
    total[i] += micros;
    runs[i]++;
    max[i] = Math.max(max[i], micros);
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] k = keys;
    boolean[] u = used;
    long[] t = total;
    int[] r = runs;
    long[] m = max;
    allocate(keys.length * 2);
    for (int j = 0; j < k.length; j++) {
      if (u[j]) {
        int i = slot(k[j]);
        used[i] = true;
        keys[i] = k[j];
        total[i] = t[j];
        runs[i] = r[j];
        max[i] = m[j];
      }
    }
  }

  /** The {@code n} tests with the largest summed duration, largest first (then by key). */
  java.util.List<ProjectTrend.SlowTest> largest(int n) {
    Integer[] order = new Integer[size];
    int k = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        order[k++] = i;
      }
    }
    Arrays.sort(
        order,
        (a, b) ->
            total[a] != total[b]
                ? Long.compare(total[b], total[a])
                : Long.compare(keys[a], keys[b]));
    java.util.List<ProjectTrend.SlowTest> slow = new java.util.ArrayList<>();
    for (int j = 0; j < Math.min(n, size); j++) {
      int i = order[j];
      slow.add(new ProjectTrend.SlowTest(keys[i], total[i], runs[i], max[i]));
    }
    return slow;
  }
}
