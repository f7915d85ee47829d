package dev.evident.store;

/**
 * A test's ref: its suite's id and its ordinal in the suite (the order in which the suite's tests
 * were first seen) in one long, {@code suiteId << 24 | ordinal}. Stable across runs.
 */
final class TestRefs {

  static final int ORDINAL_BITS = 24;
  static final int MAX_ORDINAL = (1 << ORDINAL_BITS) - 1;

  private TestRefs() {}

  static long of(long suiteId, int ordinal) {
    return suiteId << ORDINAL_BITS | ordinal;
  }

  static long suite(long ref) {
    return ref >>> ORDINAL_BITS;
  }

  static int ordinal(long ref) {
    return (int) (ref & MAX_ORDINAL);
  }
}
