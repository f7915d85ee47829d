package dev.evident.execute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a bounded excerpt of a stream of bytes: the first {@code head} and the last {@code tail}
 * bytes, and the total length. Thread safe.
 */
public final class OutputCapture {

  private final byte[] head;
  private final byte[] tail;
  private int headLength;
  private int tailStart;
  private int tailLength;
  private long total;

  public OutputCapture(int head, int tail) {
    this.head = new byte[head];
    this.tail = new byte[tail];
  }

  public synchronized void write(byte[] bytes, int offset, int length) {
    total += length;
    int toHead = Math.min(length, head.length - headLength);
    System.arraycopy(bytes, offset, head, headLength, toHead);
    headLength += toHead;
    for (int i = offset + toHead; i < offset + length; i++) {
      tail[(tailStart + tailLength) % tail.length] = bytes[i];
      if (tailLength < tail.length) {
        tailLength++;
      } else {
        tailStart = (tailStart + 1) % tail.length;
      }
    }
  }

  public synchronized long total() {
    return total;
  }

  /** The excerpt as text: everything when it fit, else head, a marker line and tail. */
  public synchronized String text() {
    byte[] tailBytes = tailBytes();
    String headText = new String(head, 0, headLength, StandardCharsets.UTF_8);
    String tailText = new String(tailBytes, StandardCharsets.UTF_8);
    long omitted = total - headLength - tailBytes.length;
    if (omitted <= 0) {
      return headText + tailText;
    }
    return headText + "\n[... " + omitted + " bytes omitted by Evident ...]\n" + tailText;
  }

  /** The last {@code n} lines of the stream (from the kept tail, or the head when short). */
  public synchronized List<String> lastLines(int n) {
    String text =
        total <= head.length
            ? new String(head, 0, headLength, StandardCharsets.UTF_8)
            : new String(tailBytes(), StandardCharsets.UTF_8);
    String[] lines = text.split("\\R");
    List<String> last =
        new ArrayList<>(Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
    last.removeIf(String::isEmpty);
    return last;
  }

  private byte[] tailBytes() {
    byte[] out = new byte[tailLength];
    for (int i = 0; i < tailLength; i++) {
      out[i] = tail[(tailStart + i) % tail.length];
    }
    return out;
  }
}
