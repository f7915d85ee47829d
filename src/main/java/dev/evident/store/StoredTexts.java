package dev.evident.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a batch of text ids the store has already, for {@link Texts}: one query a batch. A
 * writer that began on a store without texts (a new database) asks nothing: no text can be there
 * but those it stored itself, which {@link Texts} knows; a text another writer stores meanwhile is
 * skipped by the insert's ON CONFLICT. Not thread safe.
 */
final class StoredTexts implements AutoCloseable {

  private final Connection c;
  private final int batch;
  private final boolean noneStored;
  private PreparedStatement selectFull;

  StoredTexts(Connection c, int batch) throws SQLException {
    this.c = c;
    this.batch = batch;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM texts LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      this.noneStored = !rs.next();
    }
  }

  /** The ids among {@code ids} that the store has. */
  Set<Long> among(List<Long> ids) throws SQLException {
    if (noneStored) {
      return Set.of();
    }
    // A full batch has the same SQL every time: prepared once. The loops are methods of their own,
    // so that the JIT compiles them and not this method with the driver's code inlined (once the
    // costliest compilation of a large ingest).
    boolean full = ids.size() == batch;
    if (full && selectFull == null) {
      selectFull = c.prepareStatement(selectIn(batch));
    }
    PreparedStatement ps = full ? selectFull : c.prepareStatement(selectIn(ids.size()));
    try {
      bind(ps, ids);
      return found(ps);
    } finally {
      if (!full) {
        ps.close();
      }
    }
  }

  private static String selectIn(int n) {
    return "SELECT id FROM texts WHERE id IN (" + "?, ".repeat(n - 1) + "?)";
  }

  private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      ps.setLong(i + 1, ids.get(i));
    }
  }

  private static Set<Long> found(PreparedStatement ps) throws SQLException {
    Set<Long> found = new HashSet<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(rs.getLong(1));
      }
    }
    return found;
  }

  @Override
  public void close() throws SQLException {
    if (selectFull != null) {
      selectFull.close();
    }
  }
}
