package dev.evident.store;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Failure texts and output excerpts, stored once per content in the texts table. The id is a
 * content hash; texts already stored (by this run or an earlier one) are found by id and not
 * written again, so a thousand tests failing with one message, or a second run failing as the first
 * did, cost no text writes. Long texts are deflated. Not thread safe.
 */
final class Texts implements AutoCloseable {

  private static final int BATCH = 256;

  /**
   * Texts longer than this are deflated. Typical stack traces (about a kilobyte) are stored as they
   * are: deflating them costs more time on a large ingest than writing them (measured: 12% of an
   * ingest's CPU for 90,000 traces), while huge outputs and traces shrink tenfold.
   */
  private static final int DEFLATE_ABOVE = 4096;

  private static final byte[] FAILURE = "failure".getBytes(StandardCharsets.UTF_8);

  private static final byte RAW = 0;
  private static final byte DEFLATED = 1;

  private final Connection c;
  private final PreparedStatement insert;
  private final StoredTexts stored;
  private final LongLongMap known = new LongLongMap(1024);
  private final List<Long> pendingIds = new ArrayList<>();
  private final List<byte[]> pendingBodies = new ArrayList<>();
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private final byte[] buffer = new byte[64 * 1024];

  Texts(Connection c) throws SQLException {
    this.c = c;
    this.insert =
        c.prepareStatement(
            "INSERT INTO texts (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING");
    this.stored = new StoredTexts(c, BATCH);
  }

  /** The id of a failure text, stored if new. */
  long failure(Failure f) {
    // Each string encoded once, for the hash and the body.
    byte[] type = f.type().getBytes(StandardCharsets.UTF_8);
    byte[] message = f.message().getBytes(StandardCharsets.UTF_8);
    byte[] details = f.details().getBytes(StandardCharsets.UTF_8);
    long id = Hashes.contentId(FAILURE, type, message, details);
    if (known.get(id) == LongLongMap.MISSING) {
      known.put(id, 1);
      pend(id, raw(type, message, details));
    }
    return id;
  }

  /** The id of an output excerpt, stored if new; null for an empty excerpt. */
  Long output(Excerpt e) {
    if (e.isEmpty()) {
      return null;
    }
    long id = Hashes.contentId("output", e.text(), Long.toString(e.fullLength()));
    if (known.get(id) == LongLongMap.MISSING) {
      known.put(id, 1);
      Blobs.Writer w = new Blobs.Writer(e.text().length() + 16);
      w.string(e.text());
      w.varint(e.fullLength());
      byte[] content = w.toByteArray();
      byte[] raw = new byte[content.length + 1];
      raw[0] = RAW;
      System.arraycopy(content, 0, raw, 1, content.length);
      pend(id, raw);
    }
    return id;
  }

  /**
   * The body of a text stored as it is: the RAW marker, then each part as {@link Blobs.Writer#utf8}
   * writes it, in one array of the exact size (a stack trace is copied once).
   */
  private static byte[] raw(byte[]... parts) {
    int size = 1;
    for (byte[] part : parts) {
      size += varintSize(part.length) + part.length;
    }
    byte[] body = new byte[size];
    body[0] = RAW;
    int at = 1;
    for (byte[] part : parts) {
      long v = part.length;
      while ((v & ~0x7FL) != 0) {
        body[at++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      body[at++] = (byte) v;
      System.arraycopy(part, 0, body, at, part.length);
      at += part.length;
    }
    return body;
  }

  private static int varintSize(long value) {
    int n = 1;
    for (long v = value; (v & ~0x7FL) != 0; v >>>= 7) {
      n++;
    }
    return n;
  }

  /** Holds a text's raw body (see {@link #raw}) until {@link #flush}. */
  private void pend(long id, byte[] content) {
    pendingIds.add(id);
    pendingBodies.add(content);
    if (pendingIds.size() >= BATCH) {
      try {
        flush();
      } catch (SQLException e) {
        throw new StoreException("cannot store texts: " + e.getMessage(), e);
      }
    }
  }

  /** The body to store for a raw one: itself, or deflated when long. */
  private byte[] body(byte[] raw) {
    int length = raw.length - 1;
    if (length <= DEFLATE_ABOVE) {
      return raw;
    }
    deflater.reset();
    deflater.setInput(raw, 1, length);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 16);
    out.write(DEFLATED);
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer);
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Writes the pending texts the store does not have yet. */
  void flush() throws SQLException {
    if (pendingIds.isEmpty()) {
      return;
    }
    Set<Long> stored = this.stored.among(pendingIds);
    for (int i = 0; i < pendingIds.size(); i++) {
      if (!stored.contains(pendingIds.get(i))) {
        // compressed only now: a text the store already has costs a hash, not a deflate
        insert.setLong(1, pendingIds.get(i));
        insert.setBytes(2, body(pendingBodies.get(i)));
        insert.addBatch();
      }
    }
    insert.executeBatch();
    pendingIds.clear();
    pendingBodies.clear();
  }

  static Failure failure(Connection c, Long id) {
    if (id == null) {
      return Failure.NONE;
    }
    Blobs.Reader r = read(c, id);
    return r == null ? Failure.NONE : new Failure(r.string(), r.string(), r.string());
  }

  /** A failure from a texts row's body. */
  static Failure failure(byte[] body) {
    Blobs.Reader r = new Blobs.Reader(content(body));
    return new Failure(r.string(), r.string(), r.string());
  }

  static Excerpt output(Connection c, Long id) {
    if (id == null) {
      return Excerpt.EMPTY;
    }
    Blobs.Reader r = read(c, id);
    return r == null ? Excerpt.EMPTY : new Excerpt(r.string(), r.varint());
  }

  private static Blobs.Reader read(Connection c, long id) {
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM texts WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Blobs.Reader(content(rs.getBytes(1))) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read text " + id + ": " + e.getMessage(), e);
    }
  }

  /** Deflates bytes in the body format {@link #inflate} reads (with a leading marker byte). */
  static byte[] deflate(byte[] content) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(content);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 16);
      out.write(DEFLATED);
      byte[] chunk = new byte[16 * 1024];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The bytes of a body written by {@link #deflate} or stored raw. */
  static byte[] inflate(byte[] body) {
    return content(body);
  }

  private static byte[] content(byte[] body) {
    if (body.length == 0 || body[0] == RAW) {
      return java.util.Arrays.copyOfRange(body, Math.min(1, body.length), body.length);
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(body, 1, body.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 6);
      byte[] chunk = new byte[16 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        out.write(chunk, 0, n);
        if (n == 0
            && !inflater.finished()
            && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new StoreException("corrupt text in the store: deflated data ends early");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new StoreException("corrupt text in the store: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    stored.close();
    deflater.end();
  }
}
