package dev.evident.store;

import dev.evident.model.Failure;
import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Queries for analyses over history: a project's tests, the causes of a run's failures. */
final class HistoryRows {

  private HistoryRows() {}

  /** Every test of a project with its ref, suite by suite (in suite id order). */
  static void tests(Connection c, String project, ResultStore.TestSink sink) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.id, s.name FROM suites s JOIN projects p ON p.id = s.project_id"
                + " WHERE p.name = ? ORDER BY s.id")) {
      ps.setString(1, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          names.add(rs.getString(2));
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      long suite = ids.get(i);
      List<SuiteNames.Name> tests = SuiteNames.load(c, suite);
      for (int ordinal = 0; ordinal < tests.size(); ordinal++) {
        SuiteNames.Name n = tests.get(ordinal);
        sink.accept(
            TestRefs.of(suite, ordinal), new TestId(names.get(i), n.name(), n.parameters()));
      }
    }
  }

  /**
   * The distinct failure texts of a run's failed and errored results with their counts, the most
   * common first; counted in SQL, each text decoded once.
   */
  static void failureCauses(Connection c, long runId, ResultStore.FailureCauseSink sink)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT g.n, t.body FROM (SELECT failure_id, COUNT(*) AS n FROM result_details"
                + " WHERE run_id = ? AND outcome IN (1, 2) GROUP BY failure_id) g"
                + " LEFT JOIN texts t ON t.id = g.failure_id ORDER BY g.n DESC")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] body = rs.getBytes(2);
          sink.accept(body == null ? Failure.NONE : Texts.failure(body), rs.getLong(1));
        }
      }
    }
  }
}
