package dev.evident.mcp;

import dev.evident.model.Excerpt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tail of what a running command has printed on one stream so far: the last {@link #KEEP}
 * bytes, and how many there were in all. Thread safe.
 */
final class LiveOutput {

  static final int KEEP = 256 * 1024;

  private byte[] buffer = new byte[8192];
  private int length;
  private long total;

  synchronized void append(byte[] bytes, int offset, int count) {
    total += count;
    if (count >= KEEP) {
      buffer = Arrays.copyOfRange(bytes, offset + count - KEEP, offset + count);
      length = KEEP;
      return;
    }
    if (length + count > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
    }
    System.arraycopy(bytes, offset, buffer, length, count);
    length += count;
    if (length > 2 * KEEP) {
      System.arraycopy(buffer, length - KEEP, buffer, 0, KEEP);
      length = KEEP;
    }
  }

  /** What is kept, from the first whole line when the start was dropped; the full length noted. */
  synchronized Excerpt excerpt() {
    String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
    if (total > length) {
      text = text.substring(text.indexOf('\n') + 1);
    }
    return new Excerpt(text, total);
  }
}
