package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.SuiteInfo;
import java.util.Arrays;

/**
 * The results of one suite in one run, held in memory while the run is written (13 bytes a result)
 * and stored as one blob: per result a varint of the zigzag ordinal step and the outcome, and a
 * varint of the duration in microseconds plus one (0 when unknown). A run of a million passing
 * tests takes about 4 MB. Not thread safe.
 */
final class SuiteResults {

  private static final byte VERSION = 1;
  static final long NO_DURATION = -1;

  final long suiteId;
  SuiteInfo info;
  private int[] ordinals = new int[16];
  private byte[] outcomes = new byte[16];
  private long[] durations = new long[16];
  private int[] files = new int[16];
  private int size;

  /** Where each ordinal's result is, by ordinal; -1 when the test has no result in this run. */
  private int[] positions = new int[0];

  SuiteResults(long suiteId) {
    this.suiteId = suiteId;
  }

  int position(int ordinal) {
    return ordinal < positions.length ? positions[ordinal] : -1;
  }

  void add(int ordinal, Outcome outcome, long micros, int file) {
    if (size == ordinals.length) {
      int capacity = size * 2;
      ordinals = Arrays.copyOf(ordinals, capacity);
      outcomes = Arrays.copyOf(outcomes, capacity);
      durations = Arrays.copyOf(durations, capacity);
      files = Arrays.copyOf(files, capacity);
    }
    if (ordinal >= positions.length) {
      int old = positions.length;
      positions = Arrays.copyOf(positions, Math.max(ordinal + 1, old * 2));
      Arrays.fill(positions, old, positions.length, -1);
    }
    positions[ordinal] = size;
    ordinals[size] = ordinal;
    set(size, outcome, micros, file);
    size++;
  }

  void set(int position, Outcome outcome, long micros, int file) {
    outcomes[position] = (byte) outcome.ordinal();
    durations[position] = micros;
    files[position] = file;
  }

  Outcome outcome(int position) {
    return Outcome.values()[outcomes[position]];
  }

  long micros(int position) {
    return durations[position];
  }

  int file(int position) {
    return files[position];
  }

  Counts counts() {
    long[] n = new long[Outcome.values().length];
    for (int i = 0; i < size; i++) {
      n[outcomes[i]]++;
    }
    return Counts.of(n[0], n[1], n[2], n[3], n[4]);
  }

  /** The summed duration of the results that have one, or null when none has. */
  Long durationMicros() {
    long sum = 0;
    boolean any = false;
    for (int i = 0; i < size; i++) {
      if (durations[i] != NO_DURATION) {
        sum += durations[i];
        any = true;
      }
    }
    return any ? sum : null;
  }

  byte[] encode() {
    Blobs.Writer w = new Blobs.Writer(size * 4 + 1);
    w.varint(VERSION);
    int previous = -1;
    for (int i = 0; i < size; i++) {
      long step = ordinals[i] - previous - 1;
      long zigzag = (step << 1) ^ (step >> 63);
      w.varint(zigzag << 3 | outcomes[i]);
      w.varint(durations[i] == NO_DURATION ? 0 : durations[i] + 1);
      previous = ordinals[i];
    }
    return w.toByteArray();
  }

  /** Receives the results of a decoded blob. */
  @FunctionalInterface
  interface EntryConsumer {
    void accept(int ordinal, Outcome outcome, long micros);
  }

  static void decode(byte[] blob, EntryConsumer consumer) {
    Blobs.Reader r = new Blobs.Reader(blob);
    long version = r.varint();
    if (version != VERSION) {
      throw new StoreException(
          "unknown results encoding " + version + "; is this database from a newer Evident?");
    }
    Outcome[] values = Outcome.values();
    long previous = -1;
    while (r.hasMore()) {
      long head = r.varint();
      long zigzag = head >>> 3;
      long step = (zigzag >>> 1) ^ -(zigzag & 1);
      long ordinal = previous + 1 + step;
      long duration = r.varint();
      consumer.accept(
          (int) ordinal, values[(int) (head & 7)], duration == 0 ? NO_DURATION : duration - 1);
      previous = ordinal;
    }
  }
}
