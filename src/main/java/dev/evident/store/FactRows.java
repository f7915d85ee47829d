package dev.evident.store;

import dev.evident.model.TestFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The facts of a run's results (source file, tags, properties), from result_details. A result has a
 * details row when it is anything but a plain pass, so every result with a file, a tag or a
 * property has one, passed or not.
 */
final class FactRows {

  private FactRows() {}

  static void forEach(Connection c, long runId, ResultStore.FactSink sink) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT test_ref, source_file, tags, properties FROM result_details WHERE run_id = ?"
                + " AND (source_file IS NOT NULL OR tags IS NOT NULL OR properties IS NOT NULL)"
                + " ORDER BY test_ref")) {
      ps.setLong(1, runId);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(
              rs.getLong(1),
              new TestFacts(
                  rs.getString(2),
                  Sql.stringList(rs.getString(3)),
                  Sql.stringMap(rs.getString(4))));
        }
      }
    }
  }
}
