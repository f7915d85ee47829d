package dev.evident.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte encodings of the store's blobs: unsigned varints, and strings as a varint length and
 * UTF-8 bytes. A growable buffer to write, a cursor to read.
 */
final class Blobs {

  private Blobs() {}

  /** A growable byte buffer. Not thread safe. */
  static final class Writer {
    private byte[] bytes;
    private int size;

    Writer(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    void varint(long value) {
      ensure(10);
      long v = value;
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    void string(String s) {
      utf8(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string given as its UTF-8 bytes, written as {@link #string} writes it. */
    void utf8(byte[] utf8) {
      varint(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /** Reads what a {@link Writer} wrote. */
  static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean hasMore() {
      return position < bytes.length;
    }

    long varint() {
      long value = 0;
      int shift = 0;
      while (true) {
        if (position >= bytes.length) {
          throw new StoreException("corrupt blob in the store: a number runs past the end");
        }
        byte b = bytes[position++];
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
        shift += 7;
      }
    }

    String string() {
      int length = (int) varint();
      if (length < 0 || position + length > bytes.length) {
        throw new StoreException("corrupt blob in the store: a text runs past the end");
      }
      String s = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return s;
    }
  }
}
