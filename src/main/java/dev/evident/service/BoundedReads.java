package dev.evident.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** Reads a text of any length in bounded memory: its head and its tail. */
final class BoundedReads {

  private BoundedReads() {}

  /**
   * The first {@code head} and last {@code tail} characters of what {@code in} gives, joined by a
   * line that says how much was left out; the whole text when it fits.
   */
  static String headAndTail(Reader in, int head, int tail) {
    StringBuilder start = new StringBuilder();
    char[] ring = null;
    int ringEnd = 0;
    long total = 0;
    char[] buffer = new char[1 << 16];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          char c = buffer[i];
          if (start.length() < head) {
            start.append(c);
            continue;
          }
          if (ring == null) {
            ring = new char[tail];
          }
          if (tail > 0) {
            ring[ringEnd] = c;
            ringEnd = (ringEnd + 1) % tail;
          }
        }
        total += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long rest = total - start.length();
    if (rest <= 0 || ring == null) {
      return start.toString();
    }
    if (rest <= tail) {
      return start.append(ring, 0, (int) rest).toString();
    }
    start.append("\n[... ").append(rest - tail).append(" characters left out ...]\n");
    start.append(ring, ringEnd, tail - ringEnd).append(ring, 0, ringEnd);
    return start.toString();
  }
}
