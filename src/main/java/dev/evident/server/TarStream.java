package dev.evident.server;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar archive (ustar, GNU long names, pax path records) entry by entry from a stream.
 * Nothing is written anywhere: the caller decides what to do with each entry and reads its content
 * from {@link #content()}.
 */
final class TarStream {

  /** A tar entry: its path as the archive has it, its type flag and its size. */
  record Entry(String name, char type, long size) {
    boolean file() {
      return type == '0' || type == '\0' || type == '7';
    }

    boolean directory() {
      return type == '5';
    }
  }

  private final InputStream in;
  private long remaining;
  private long padding;

  TarStream(InputStream in) {
    this.in = in;
  }

  /** The next entry, or null at the end of the archive. */
  Entry next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    while (true) {
      byte[] header = new byte[512];
      if (!readFully(header)) {
        return null;
      }
      if (allZero(header)) {
        return null;
      }
      checkSum(header);
      String name = text(header, 0, 100);
      char type = (char) header[156];
      long size = size(header);
      if (text(header, 257, 5).equals("ustar")) {
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      if (type == 'L' || type == 'x' || type == 'g') {
        if (size > 1 << 20) {
          throw new IOException("tar header record of " + size + " bytes is too large");
        }
        byte[] data = new byte[(int) size];
        if (!readFully(data)) {
          throw new EOFException("tar archive ends inside a header record");
        }
        skip(pad(size));
        if (type == 'L') {
          longName = text(data, 0, data.length);
        } else if (type == 'x') {
          String path = paxPath(data);
          if (path != null) {
            longName = path;
          }
        }
        continue;
      }
      remaining = size;
      padding = pad(size);
      return new Entry(longName != null ? longName : name, type, size);
    }
  }

  /** The content of the current entry; reading stops at its end. */
  InputStream content() {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new EOFException("tar archive ends inside an entry");
        }
        remaining -= n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static long pad(long size) {
    return (512 - size % 512) % 512;
  }

  private void skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    while (n > 0) {
      int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
      if (r < 0) {
        throw new EOFException("tar archive ends inside an entry");
      }
      n -= r;
    }
  }

  private boolean readFully(byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new EOFException("tar archive ends inside a header");
      }
      off += n;
    }
    return true;
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkSum(byte[] header) throws IOException {
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
    }
    long stored = octal(header, 148, 8);
    if (stored != sum) {
      throw new IOException("not a tar archive (header checksum does not match)");
    }
  }

  private static long size(byte[] header) throws IOException {
    if ((header[124] & 0x80) != 0) {
      throw new IOException("tar entry larger than 8 GB");
    }
    return octal(header, 124, 12);
  }

  private static long octal(byte[] b, int off, int len) throws IOException {
    long value = 0;
    int i = off;
    int end = off + len;
    while (i < end && (b[i] == ' ' || b[i] == 0)) {
      i++;
    }
    for (; i < end && b[i] >= '0' && b[i] <= '7'; i++) {
      value = value * 8 + (b[i] - '0');
    }
    if (i < end && b[i] != ' ' && b[i] != 0) {
      throw new IOException("not a tar archive (a number field holds " + (char) b[i] + ")");
    }
    return value;
  }

  private static String text(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  /** The {@code path} of pax records ("LEN path=VALUE\n" ...), or null. */
  private static String paxPath(byte[] data) {
    String records = new String(data, StandardCharsets.UTF_8);
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }
}
