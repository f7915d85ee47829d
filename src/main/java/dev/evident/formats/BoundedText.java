package dev.evident.formats;

import dev.evident.model.Excerpt;
import java.io.Writer;

/**
 * Collects a text of any length in bounded memory: the first {@code head} and last {@code tail}
 * characters are kept, the rest is counted. Used for stdout, stderr and stack traces, which can be
 * hundreds of megabytes. Not thread safe.
 */
final class BoundedText extends Writer {

  /** Characters kept from the start and from the end of a test's output. */
  static final int OUTPUT_HEAD = 16 * 1024;

  static final int OUTPUT_TAIL = 16 * 1024;

  private final int headLimit;
  private final int tailLimit;
  private final StringBuilder head = new StringBuilder();

  /** Allocated only once the head is full: most texts (a message, a short trace) never need it. */
  private char[] tail = new char[0];

  private int tailStart;
  private int tailLength;
  private long total;

  BoundedText(int head, int tail) {
    this.headLimit = head;
    this.tailLimit = tail;
  }

  static BoundedText forOutput() {
    return new BoundedText(OUTPUT_HEAD, OUTPUT_TAIL);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    total += length;
    int toHead = Math.min(length, headLimit - head.length());
    if (toHead > 0) {
      head.append(chars, offset, toHead);
      offset += toHead;
      length -= toHead;
    }
    if (length == 0 || tailLimit == 0) {
      return;
    }
    if (tail.length == 0) {
      tail = new char[tailLimit];
    }
    if (length >= tail.length) {
      System.arraycopy(chars, offset + length - tail.length, tail, 0, tail.length);
      tailStart = 0;
      tailLength = tail.length;
      return;
    }
    for (int i = 0; i < length; i++) {
      int pos = (tailStart + tailLength) % tail.length;
      tail[pos] = chars[offset + i];
      if (tailLength < tail.length) {
        tailLength++;
      } else {
        tailStart = (tailStart + 1) % tail.length;
      }
    }
  }

  @Override
  public void write(String s, int offset, int length) {
    write(s.toCharArray(), offset, length);
  }

  /** Counts text that was cut before it got here (see {@link TextLimiter}). */
  void omitted(long n) {
    total += n;
  }

  void append(String s) {
    write(s, 0, s.length());
  }

  long length() {
    return total;
  }

  boolean isEmpty() {
    return total == 0;
  }

  /** The kept text: everything when it fit, else head, a marker line and tail. */
  String text() {
    if (tailLength == 0 && total <= head.length()) {
      return head.toString();
    }
    if (total <= head.length() + tailLength) {
      StringBuilder all = new StringBuilder(head);
      appendTail(all);
      return all.toString();
    }
    StringBuilder out = new StringBuilder(head.length() + tailLength + 64);
    out.append(head);
    out.append("\n[... ")
        .append(total - head.length() - tailLength)
        .append(" characters omitted by Evident ...]\n");
    appendTail(out);
    return out.toString();
  }

  /**
   * {@code text().strip()}, copied once when the text fit the head (a message, a stack trace):
   * {@link String#strip} would copy it a second time.
   */
  String stripped() {
    if (tailLength != 0 || total > head.length()) {
      return text().strip();
    }
    int start = 0;
    int end = head.length();
    // No whitespace lies outside the basic plane, so char by char strips as String.strip does.
    while (start < end && Character.isWhitespace(head.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(head.charAt(end - 1))) {
      end--;
    }
    return head.substring(start, end);
  }

  /** The text stripped of surrounding blank lines, as an excerpt noting the full length. */
  Excerpt excerpt() {
    if (total == 0) {
      return Excerpt.EMPTY;
    }
    String text = text();
    return text.isBlank() ? Excerpt.EMPTY : new Excerpt(text, total);
  }

  private void appendTail(StringBuilder out) {
    for (int i = 0; i < tailLength; i++) {
      out.append(tail[(tailStart + i) % tail.length]);
    }
  }

  void clear() {
    head.setLength(0);
    tailStart = 0;
    tailLength = 0;
    total = 0;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
