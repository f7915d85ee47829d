package dev.evident.store;

import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads one stored result back as a {@link TestResult}, with its details. */
final class StoredResults {

  private StoredResults() {}

  static TestResult load(Connection c, long runId, int testId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.name AS suite, t.name, t.parameters, r.outcome, r.duration_us,"
                + " d.failure_id, d.stdout_id, d.stderr_id, d.source_file, d.source_line, d.tags,"
                + " d.properties, d.attempts"
                + " FROM results r JOIN tests t ON t.id = r.test_id JOIN suites s ON s.id = t.suite_id"
                + " LEFT JOIN result_details d ON d.run_id = r.run_id AND d.test_id = r.test_id"
                + " WHERE r.run_id = ? AND r.test_id = ?")) {
      ps.setLong(1, runId);
      ps.setInt(2, testId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("no result for test " + testId + " in run " + runId);
        }
        String file = rs.getString("source_file");
        String attempts = rs.getString("attempts");
        List<Attempt> earlier =
            attempts == null ? List.of() : Attempts.decode(attempts, id -> failure(c, id));
        return new TestResult(
            new TestId(rs.getString("suite"), rs.getString("name"), rs.getString("parameters")),
            Outcome.values()[rs.getInt("outcome")],
            Sql.duration(rs, "duration_us"),
            failure(c, nullableLong(rs, "failure_id")),
            earlier,
            output(c, nullableLong(rs, "stdout_id")),
            output(c, nullableLong(rs, "stderr_id")),
            file == null ? null : Location.of(file, rs.getLong("source_line")),
            Sql.stringList(rs.getString("tags")),
            Sql.stringMap(rs.getString("properties")));
      }
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Failure failure(Connection c, Long id) {
    if (id == null) {
      return Failure.NONE;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT type, message, details FROM failures WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Failure(rs.getString(1), rs.getString(2), rs.getString(3))
            : Failure.NONE;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read failure text " + id + ": " + e.getMessage(), e);
    }
  }

  private static Excerpt output(Connection c, Long id) throws SQLException {
    if (id == null) {
      return Excerpt.EMPTY;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT text, full_length FROM outputs WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Excerpt(rs.getString(1), rs.getLong(2)) : Excerpt.EMPTY;
      }
    }
  }
}
