package dev.evident.store;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes failure texts and output excerpts once per content: the id is a content hash, an insert of
 * a text the store already has is ignored, and texts written by this writer are remembered so that
 * a thousand tests failing with one message cost one insert.
 */
final class Texts implements AutoCloseable {

  private static final int BATCH = 200;

  private final PreparedStatement failures;
  private final PreparedStatement outputs;
  private final LongLongMap written = new LongLongMap(1024);
  private int pending;

  Texts(Connection c) throws SQLException {
    failures =
        c.prepareStatement(
            "INSERT OR IGNORE INTO failures (id, type, message, details) VALUES (?, ?, ?, ?)");
    outputs =
        c.prepareStatement(
            "INSERT OR IGNORE INTO outputs (id, text, full_length) VALUES (?, ?, ?)");
  }

  /** The id of a failure text, written if new. */
  long failure(Failure f) {
    long id = Hashes.contentId("failure", f.type(), f.message(), f.details());
    if (written.get(id) == LongLongMap.MISSING) {
      written.put(id, 1);
      try {
        failures.setLong(1, id);
        failures.setString(2, f.type());
        failures.setString(3, f.message());
        failures.setString(4, f.details());
        failures.addBatch();
        pending++;
        if (pending >= BATCH) {
          flush();
        }
      } catch (SQLException e) {
        throw new StoreException("cannot store a failure text: " + e.getMessage(), e);
      }
    }
    return id;
  }

  /** The id of an output excerpt, written if new; null for an empty excerpt. */
  Long output(Excerpt e) {
    if (e.isEmpty()) {
      return null;
    }
    long id = Hashes.contentId("output", e.text(), Long.toString(e.fullLength()));
    if (written.get(id) == LongLongMap.MISSING) {
      written.put(id, 1);
      try {
        outputs.setLong(1, id);
        outputs.setString(2, e.text());
        outputs.setLong(3, e.fullLength());
        outputs.addBatch();
        pending++;
        if (pending >= BATCH) {
          flush();
        }
      } catch (SQLException ex) {
        throw new StoreException("cannot store an output text: " + ex.getMessage(), ex);
      }
    }
    return id;
  }

  void flush() throws SQLException {
    if (pending > 0) {
      failures.executeBatch();
      outputs.executeBatch();
      pending = 0;
    }
  }

  @Override
  public void close() throws SQLException {
    failures.close();
    outputs.close();
  }
}
