package dev.evident.analyze;

import dev.evident.model.Outcome;
import java.util.Arrays;

/**
 * Every result of one run as three parallel arrays (ref, outcome, microseconds): a run of a million
 * results in about 17 MB, where boxed objects would take five times that.
 */
final class RunColumns {

  private static final Outcome[] OUTCOMES = Outcome.values();

  private long[] refs = new long[256];
  private byte[] outcomes = new byte[256];
  private long[] micros = new long[256];
  private int size;

  static RunColumns read(StoredResults store, long runId) {
    RunColumns columns = new RunColumns();
    store.results(runId, columns::add);
    return columns;
  }

  void add(long ref, Outcome outcome, long duration) {
    if (size == refs.length) {
      int grown = size * 2;
      refs = Arrays.copyOf(refs, grown);
      outcomes = Arrays.copyOf(outcomes, grown);
      micros = Arrays.copyOf(micros, grown);
    }
    refs[size] = ref;
    outcomes[size] = (byte) outcome.ordinal();
    micros[size] = duration;
    size++;
  }

  int size() {
    return size;
  }

  long ref(int i) {
    return refs[i];
  }

  Outcome outcome(int i) {
    return OUTCOMES[outcomes[i]];
  }

  long micros(int i) {
    return micros[i];
  }
}
