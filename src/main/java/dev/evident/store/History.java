package dev.evident.store;

import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The store's queries over history: runs by branch, a suite's tests, one test across runs. */
final class History {

  /** A run's branch: its git.branch attribute or its branch label. */
  private static String branchOfRun(Dialect dialect) {
    return "SELECT r.id AS run_id, "
        + dialect.branchOf("r.attributes")
        + " AS branch"
        + " FROM runs r JOIN projects p ON p.id = r.project_id WHERE (? IS NULL OR p.name = ?)"
        + " UNION SELECT l.run_id, l.value FROM run_labels l JOIN runs r ON r.id = l.run_id"
        + " JOIN projects p ON p.id = r.project_id WHERE l.key = 'branch' AND (? IS NULL OR p.name = ?)";
  }

  private History() {}

  static List<Run> runsOnBranch(
      Connection c, Dialect dialect, String project, String branch, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + RunReads.RUN_COLUMNS
                + " FROM runs r JOIN projects p ON p.id = r.project_id"
                + " WHERE (? IS NULL OR p.name = ?)"
                + " AND ("
                + dialect.branchOf("r.attributes")
                + " = ? OR EXISTS"
                + " (SELECT 1 FROM run_labels l WHERE l.run_id = r.id AND l.key = 'branch' AND l.value = ?))"
                + " ORDER BY r.id DESC LIMIT ?")) {
      ps.setString(1, project);
      ps.setString(2, project);
      ps.setString(3, branch);
      ps.setString(4, branch);
      ps.setInt(5, limit);
      return RunReads.readRuns(c, ps);
    }
  }

  static Map<String, Integer> branches(Connection c, Dialect dialect, String project)
      throws SQLException {
    Map<String, Integer> branches = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT branch, COUNT(*) FROM ("
                + branchOfRun(dialect)
                + ") b WHERE branch IS NOT NULL GROUP BY branch ORDER BY MAX(run_id) DESC")) {
      for (int i = 1; i <= 4; i += 2) {
        ps.setString(i, project);
        ps.setString(i + 1, project);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          branches.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return branches;
  }

  static Map<Long, TestId> suiteTests(Connection c, String project, String suite)
      throws SQLException {
    Map<Long, TestId> tests = new LinkedHashMap<>();
    long suiteId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.id FROM suites s JOIN projects p ON p.id = s.project_id"
                + " WHERE p.name = ? AND s.name = ?")) {
      ps.setString(1, project);
      ps.setString(2, suite);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return tests;
        }
        suiteId = rs.getLong(1);
      }
    }
    List<SuiteNames.Name> names = SuiteNames.load(c, suiteId);
    for (int ordinal = 0; ordinal < names.size(); ordinal++) {
      SuiteNames.Name n = names.get(ordinal);
      tests.put(TestRefs.of(suiteId, ordinal), new TestId(suite, n.name(), n.parameters()));
    }
    return tests;
  }

  /** One test's results: only its suite's row of each run, found by the suite's index. */
  static void testResults(
      Connection c, long testRef, long fromRunId, long toRunId, ResultStore.TestResultSink sink)
      throws SQLException {
    long suite = TestRefs.suite(testRef);
    int wanted = TestRefs.ordinal(testRef);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT run_id, results FROM run_suites WHERE suite_id = ? AND run_id BETWEEN ? AND ?"
                + " ORDER BY run_id")) {
      ps.setLong(1, suite);
      ps.setLong(2, fromRunId);
      ps.setLong(3, toRunId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long runId = rs.getLong(1);
          SuiteResults.decode(
              rs.getBytes(2),
              (ordinal, outcome, micros) -> {
                if (ordinal == wanted) {
                  sink.accept(runId, outcome, micros);
                }
              });
        }
      }
    }
  }
}
