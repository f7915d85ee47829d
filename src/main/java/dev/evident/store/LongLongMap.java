package dev.evident.store;

/**
 * An open-addressing map from long keys to long values, keys and values side by side in one array
 * so that a lookup touches one cache line: a million test identities resolve without boxing. The
 * key 0 is kept aside. Not thread safe.
 */
final class LongLongMap {

  static final long MISSING = Long.MIN_VALUE;

  private long[] table;
  private int size;
  private int mask;
  private boolean hasZero;
  private long zeroValue;

  LongLongMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    table = new long[capacity * 2];
    mask = capacity - 1;
  }

  long get(long key) {
    if (key == 0) {
      return hasZero ? zeroValue : MISSING;
    }
    int i = slot(key);
    while (true) {
      long k = table[i * 2];
      if (k == key) {
        return table[i * 2 + 1];
      }
      if (k == 0) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, long value) {
    if (key == 0) {
      size += hasZero ? 0 : 1;
      hasZero = true;
      zeroValue = value;
      return;
    }
    if ((size + 1) * 2 > mask + 1) {
      grow();
    }
    int i = slot(key);
    while (true) {
      long k = table[i * 2];
      if (k == key) {
        table[i * 2 + 1] = value;
        return;
      }
      if (k == 0) {
        table[i * 2] = key;
        table[i * 2 + 1] = value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = (table.length / 2) - 1;
    size = hasZero ? 1 : 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        put(old[i], old[i + 1]);
      }
    }
  }
}
