package dev.evident.store;

import dev.evident.model.Failure;
import dev.evident.model.Location;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Queries for status reports: why tests were skipped, where failed tests are defined. */
final class ReportRows {

  private ReportRows() {}

  /** Skip reasons counted in SQL, the most common first, each text decoded once. */
  static void skipReasons(Connection c, long runId, ResultStore.SkipReasonSink sink)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT g.n, g.first_ref, t.body FROM (SELECT failure_id, COUNT(*) AS n,"
                + " MIN(test_ref) AS first_ref FROM result_details WHERE run_id = ? AND outcome = 3"
                + " GROUP BY failure_id) g LEFT JOIN texts t ON t.id = g.failure_id"
                + " ORDER BY g.n DESC, g.first_ref")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] body = rs.getBytes(3);
          sink.accept(
              body == null ? Failure.NONE : Texts.failure(body), rs.getLong(1), rs.getLong(2));
        }
      }
    }
  }

  static Map<Long, Location> failureSources(Connection c, long runId) throws SQLException {
    Map<Long, Location> sources = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT test_ref, source_file, source_line FROM result_details WHERE run_id = ?"
                + " AND outcome IN (1, 2) AND source_file IS NOT NULL")) {
      ps.setLong(1, runId);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sources.put(rs.getLong(1), Location.of(rs.getString(2), rs.getLong(3)));
        }
      }
    }
    return sources;
  }
}
