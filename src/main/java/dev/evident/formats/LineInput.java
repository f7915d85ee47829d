package dev.evident.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads text line by line in bounded memory: a line longer than {@link #MAX_LINE} characters is cut
 * there, the rest of it skipped, and {@link #overlong()} says so. Line ends are {@code \n}, {@code
 * \r\n} or {@code \r}. The current line is available as characters, so that a JSON parser can read
 * it without a String copy. Not thread safe.
 */
final class LineInput implements Closeable {

  static final int MAX_LINE = 1024 * 1024;

  private final Reader reader;
  private final char[] buffer = new char[64 * 1024];
  private char[] line = new char[1024];
  private int length;
  private int position;
  private int limit;
  private boolean overlong;
  private boolean afterCr;
  private boolean end;

  LineInput(Reader reader) {
    this.reader = reader;
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    length = 0;
    overlong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any;
      }
      if (afterCr) {
        afterCr = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      int from = position;
      while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
        position++;
      }
      any = true;
      append(from, position - from);
      if (position < limit) {
        afterCr = buffer[position] == '\r';
        position++;
        return true;
      }
    }
  }

  private boolean fill() throws IOException {
    if (end) {
      return false;
    }
    int n = reader.read(buffer, 0, buffer.length);
    if (n <= 0) {
      end = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private void append(int from, int count) {
    int room = MAX_LINE - length;
    if (count > room) {
      overlong = true;
      count = room;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, length + count)));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  /** The current line's characters, valid from 0 to {@link #length()} until the next call. */
  char[] chars() {
    return line;
  }

  int length() {
    return length;
  }

  String text() {
    return new String(line, 0, length);
  }

  /** Whether the current line was cut at {@link #MAX_LINE}. */
  boolean overlong() {
    return overlong;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
