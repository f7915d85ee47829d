package dev.evident.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the middle out of huge text in an XML byte stream before the parser sees it, so that a 500
 * MB {@code <system-out>} costs a few hundred kilobytes of memory: Aalto buffers every text node
 * whole. A run of more than {@link #HEAD} + {@link #TAIL} bytes without a {@code <} (or a CDATA
 * section that long) keeps its first HEAD and last TAIL bytes; the cut never splits a UTF-8
 * character or an entity reference, so the stream stays well-formed. Each cut is recorded with its
 * offset in the output, for readers that report the full length of a text.
 *
 * <p>Only for ASCII-compatible encodings (UTF-8, ISO-8859-x, ASCII): {@link XmlInput} passes other
 * inputs through unchanged. Not thread safe.
 */
final class TextLimiter extends FilterInputStream {

  static final int HEAD = 256 * 1024;
  static final int TAIL = 256 * 1024;

  private static final byte[] CDATA_START =
      "<![CDATA[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** A cut: at output offset {@code at}, {@code omitted} bytes were left out. */
  record Cut(long at, long omitted) {}

  private final List<Cut> cuts = new ArrayList<>();
  private final byte[] in = new byte[64 * 1024];
  private int inPos;
  private int inLimit;
  private boolean eof;

  private long outOffset;
  private long segment;
  private int cdataMatch;
  private boolean inCdata;
  private int cdataEndMatch;
  private boolean inEntity;

  private boolean skipping;
  private final byte[] ring = new byte[TAIL];
  private int ringStart;
  private int ringLength;
  private long omitted;
  private byte[] pending;
  private int pendingPos;

  TextLimiter(InputStream in) {
    super(in);
  }

  /** The bytes left out by cuts whose output offset lies in [from, to). */
  long omittedBetween(long from, long to) {
    long sum = 0;
    for (Cut c : cuts) {
      if (c.at() >= from && c.at() < to) {
        sum += c.omitted();
      }
    }
    return sum;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int written = 0;
    while (written == 0) {
      if (pending != null) {
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, out, off, n);
        pendingPos += n;
        if (pendingPos == pending.length) {
          pending = null;
        }
        outOffset += n;
        return n;
      }
      if (inPos == inLimit) {
        if (eof) {
          return flushAtEnd(out, off, len);
        }
        int n = super.read(in, 0, in.length);
        if (n < 0) {
          eof = true;
          continue;
        }
        inPos = 0;
        inLimit = n;
      }
      written = process(out, off, len);
    }
    outOffset += written;
    return written;
  }

  /** Moves bytes from the input buffer to out, cutting where needed; returns bytes written. */
  private int process(byte[] out, int off, int len) {
    int written = 0;
    while (inPos < inLimit && written < len && pending == null) {
      if (!skipping && !inCdata && cdataMatch == 0 && segment < HEAD) {
        int n = copyMarkup(out, off + written, len - written);
        if (n > 0) {
          written += n;
          continue;
        }
      }
      byte b = in[inPos++];
      // The ';' that closes an entity reference belongs to it: no cut may start there.
      boolean inEntityBefore = inEntity;
      boolean ends = track(b);
      if (skipping) {
        if (ends) {
          endCut(b);
          return written;
        }
        ring[(ringStart + ringLength) % TAIL] = b;
        if (ringLength < TAIL) {
          ringLength++;
        } else {
          ringStart = (ringStart + 1) % TAIL;
          omitted++;
        }
        continue;
      }
      if (segment > HEAD && !ends && (b & 0xC0) != 0x80 && !inEntity && !inEntityBefore) {
        skipping = true;
        ringStart = 0;
        ringLength = 0;
        omitted = 0;
        ring[ringLength++] = b;
        continue;
      }
      out[off + written++] = b;
    }
    return written;
  }

  /**
   * The common case, ordinary markup and short texts: copies bytes up to where no cut can start
   * (the segment reaching {@link #HEAD}), stopping before a {@code <!} (which may open CDATA) and
   * before a {@code <} that ends the buffer, which the byte-wise path takes. A {@code <} only
   * restarts the segment; the entity state is that of the last {@code <}, {@code &} or {@code ;}
   * copied, found from the end. Returns the bytes copied.
   */
  private int copyMarkup(byte[] out, int at, int room) {
    int start = inPos;
    int end = (int) Math.min(inLimit, (long) start + room);
    int limit = (int) Math.min(end, start + (HEAD - segment));
    int lastTag = -1;
    int i = start;
    while (i < limit) {
      // Eight bytes at a time past those that are not '<' (most of a file).
      if (limit - i >= Long.BYTES && !hasTagStart((long) LONGS.get(in, i))) {
        i += Long.BYTES;
        continue;
      }
      if (in[i] != '<') {
        i++;
        continue;
      }
      if (i + 1 >= end || in[i + 1] == '!') {
        break;
      }
      lastTag = i;
      limit = (int) Math.min(end, (long) i + 1 + HEAD);
      i++;
    }
    int n = i - start;
    if (n == 0) {
      return 0;
    }
    boolean entity = lastTag < 0 && inEntity;
    for (int j = i - 1; j > Math.max(lastTag, start - 1); j--) {
      byte c = in[j];
      if (c == '&' || c == ';') {
        entity = c == '&';
        break;
      }
    }
    inEntity = entity;
    segment = lastTag < 0 ? segment + n : i - lastTag - 1;
    System.arraycopy(in, start, out, at, n);
    inPos = i;
    return n;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Longer than any entity reference a test report holds ("&#x1F600;", "&quot;"). */
  private static final int MAX_ENTITY = 12;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Whether any of the eight bytes is '<' (may say yes when none is, never no). */
  private static boolean hasTagStart(long word) {
    return zeroByte(word ^ ('<' * ONES)) != 0;
  }

  /** Nonzero when a byte of {@code v} is zero. */
  private static long zeroByte(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  /** Follows where the byte is; returns true when it ends a text run (a '<' or CDATA's "]]>"). */
  private boolean track(byte b) {
    if (inCdata) {
      segment++;
      if (b == ']') {
        cdataEndMatch = Math.min(cdataEndMatch + 1, 2);
      } else if (b == '>' && cdataEndMatch == 2) {
        inCdata = false;
        cdataEndMatch = 0;
        segment = 0;
        return true;
      } else {
        cdataEndMatch = 0;
      }
      return false;
    }
    if (b == '<') {
      segment = 0;
      cdataMatch = 1;
      inEntity = false;
      return true;
    }
    segment++;
    if (cdataMatch > 0) {
      if (b == CDATA_START[cdataMatch]) {
        cdataMatch++;
        if (cdataMatch == CDATA_START.length) {
          inCdata = true;
          cdataMatch = 0;
          segment = 0;
        }
      } else {
        cdataMatch = 0;
      }
    }
    if (b == '&') {
      inEntity = true;
    } else if (b == ';') {
      inEntity = false;
    }
    return false;
  }

  /** The run ended: the kept tail goes out (from a character boundary), then the ending byte. */
  private void endCut(byte ending) {
    skipping = false;
    int from = 0;
    while (from < ringLength && (ring[(ringStart + from) % TAIL] & 0xC0) == 0x80) {
      from++;
    }
    from = afterEntityEnd(from);
    omitted += from;
    byte[] tail = new byte[ringLength - from + 1];
    for (int i = from; i < ringLength; i++) {
      tail[i - from] = ring[(ringStart + i) % TAIL];
    }
    tail[tail.length - 1] = ending;
    cuts.add(new Cut(outOffset, omitted));
    pending = tail;
    pendingPos = 0;
  }

  /**
   * Where the kept tail starts so that it does not begin with the end of an entity reference cut in
   * two ("amp;" of "&amp;"): past a leading run of name characters closed by ';'. Text that only
   * looks like one (a word and a semicolon) is cut too, and counted as omitted.
   */
  private int afterEntityEnd(int from) {
    for (int i = from; i < ringLength && i - from <= MAX_ENTITY; i++) {
      byte c = ring[(ringStart + i) % TAIL];
      if (c == ';') {
        return i + 1;
      }
      boolean name =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
      if (!name) {
        return from;
      }
    }
    return from;
  }

  /** The input ended while skipping (a truncated file): the tail goes out as it is. */
  private int flushAtEnd(byte[] out, int off, int len) {
    if (!skipping) {
      return -1;
    }
    skipping = false;
    byte[] tail = new byte[ringLength];
    for (int i = 0; i < ringLength; i++) {
      tail[i] = ring[(ringStart + i) % TAIL];
    }
    cuts.add(new Cut(outOffset, omitted));
    pending = tail;
    pendingPos = 0;
    if (tail.length == 0) {
      pending = null;
      return -1;
    }
    int n = Math.min(len, tail.length);
    System.arraycopy(tail, 0, out, off, n);
    pendingPos = n;
    if (pendingPos == tail.length) {
      pending = null;
    }
    outOffset += n;
    return n;
  }
}
