package dev.evident.store;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the failures of a run, and its runner, for diagnosis and the failure index. */
final class FailureRows {

  /**
   * Distinct failure texts kept decoded while a run is read. Runs share texts heavily (a thousand
   * tests failing on one connection error store one text), so a small cache reads most texts once
   * while memory stays bounded however many failures a run has.
   */
  private static final int CACHED_TEXTS = 2048;

  private FailureRows() {}

  static void forEach(Connection c, long runId, Consumer<StoredFailure> sink) throws SQLException {
    Map<Long, Failure> texts =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Failure> eldest) {
            return size() > CACHED_TEXTS;
          }
        };
    Names names = new Names(c);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.test_ref, d.outcome, d.failure_id, t.body FROM result_details d"
                + " LEFT JOIN texts t ON t.id = d.failure_id"
                + " WHERE d.run_id = ? AND d.outcome IN (1, 2, 4) ORDER BY d.test_ref")) {
      ps.setLong(1, runId);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long ref = rs.getLong(1);
          Outcome outcome = Outcome.values()[rs.getInt(2)];
          long failureId = rs.getLong(3);
          Failure failure = Failure.NONE;
          if (!rs.wasNull()) {
            failure = texts.get(failureId);
            if (failure == null) {
              byte[] body = rs.getBytes(4);
              failure = body == null ? Failure.NONE : Texts.failure(body);
              texts.put(failureId, failure);
            }
          }
          sink.accept(new StoredFailure(runId, ref, names.id(ref), outcome, failureId, failure));
        }
      }
    }
  }

  /**
   * The runner of a run: the {@code runner} attribute that {@code evident run} sets, else the
   * format of most of its input files (the first on a tie), else empty.
   */
  static String runner(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT attributes FROM runs WHERE id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          String runner = Sql.stringMap(rs.getString(1)).get("runner");
          if (runner != null && !runner.isBlank()) {
            return runner;
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT format FROM run_files WHERE run_id = ? AND format IS NOT NULL"
                + " GROUP BY format ORDER BY COUNT(*) DESC, MIN(ordinal) LIMIT 1")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }
}
