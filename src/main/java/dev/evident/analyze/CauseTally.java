package dev.evident.analyze;

import dev.evident.model.Failure;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts a run's failures by a cheap cause key, to tell an outage (most failures for one reason)
 * from many tests failing for many reasons: the failure's type and its normalised first line (see
 * {@link Normalizer}), so that "Connection refused: localhost/127.0.0.1:5432" thrown from a hundred
 * different stack frames is one cause. No classifier: it runs for every run of a window that looks
 * like an outage, and the texts are only decoded once each. Not thread safe.
 */
public final class CauseTally {

  private final Map<String, long[]> counts = new HashMap<>();
  private final Map<String, String> lines = new HashMap<>();
  private String top = null;
  private long topCount = 0;

  /** Adds {@code count} failures with this text. */
  public void add(Failure failure, long count) {
    String line = failure.firstLine();
    String key = failure.type() + "\n" + Normalizer.normalize(line);
    long n = (counts.computeIfAbsent(key, k -> new long[1])[0] += count);
    lines.putIfAbsent(key, line.isEmpty() ? failure.type() : line);
    if (n > topCount) {
      topCount = n;
      top = key;
    }
  }

  /** How many failures have the most common cause. */
  public long topCount() {
    return topCount;
  }

  /** The first line of the most common cause (as one failure said it), or empty. */
  public String topCause() {
    return top == null ? "" : lines.get(top);
  }
}
