package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.SuiteInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rows written when a run is committed: the run itself, suites, labels, problems, files. */
final class RunRows {

  private RunRows() {}

  /** Inserts a run as RUNNING, its counts zero until {@link #finish}; returns its id. */
  static long insert(Connection c, long projectId, RunStart start, String created)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO runs (project_id, source, created_at, status, command, exit_code, attributes,"
                + " collected, executed, passed, failed, errored, skipped, flaky, run_errors, problems)"
                + " VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0) RETURNING id")) {
      ps.setLong(1, projectId);
      ps.setString(2, start.source());
      ps.setString(3, created);
      ps.setString(4, start.command());
      Sql.setLong(ps, 5, start.exitCode() == null ? null : (long) start.exitCode());
      ps.setString(6, Sql.json(new java.util.TreeMap<>(start.attributes())));
      return Sql.returnedId(ps);
    }
  }

  /** Takes over a RUNNING run {@link #insert} made earlier; returns its id. */
  static long reuse(Connection c, long runId, RunStart start) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE runs SET source = ?, command = ?, exit_code = ?, attributes = ?"
                + " WHERE id = ? AND status = 'RUNNING'")) {
      ps.setString(1, start.source());
      ps.setString(2, start.command());
      Sql.setLong(ps, 3, start.exitCode() == null ? null : (long) start.exitCode());
      ps.setString(4, Sql.json(new java.util.TreeMap<>(start.attributes())));
      ps.setLong(5, runId);
      if (ps.executeUpdate() == 0) {
        throw new StoreException(
            "run " + runId + " is no longer running: its results cannot be added");
      }
      return runId;
    }
  }

  /** Ends a RUNNING run as INTERRUPTED; false when it was not running. */
  static boolean interrupt(Connection c, long runId, String at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE runs SET status = 'INTERRUPTED', finished_at = ? WHERE id = ? AND status ="
                + " 'RUNNING'")) {
      ps.setString(1, at);
      ps.setLong(2, runId);
      return ps.executeUpdate() > 0;
    }
  }

  static void attributes(Connection c, long runId, java.util.Map<String, String> attributes)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET attributes = ? WHERE id = ?")) {
      ps.setString(1, Sql.json(new java.util.TreeMap<>(attributes)));
      ps.setLong(2, runId);
      ps.executeUpdate();
    }
  }

  static void finish(
      Connection c,
      long runId,
      RunStatus status,
      Instant started,
      Instant finished,
      Counts counts,
      int runErrors,
      int problems)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE runs SET status = ?, started_at = ?, finished_at = ?, collected = ?, executed = ?,"
                + " passed = ?, failed = ?, errored = ?, skipped = ?, flaky = ?, run_errors = ?,"
                + " problems = ? WHERE id = ?")) {
      ps.setString(1, status.name());
      ps.setString(2, Sql.instant(started));
      ps.setString(3, Sql.instant(finished));
      ps.setLong(4, counts.collected());
      ps.setLong(5, counts.executed());
      ps.setLong(6, counts.passed());
      ps.setLong(7, counts.failed());
      ps.setLong(8, counts.errored());
      ps.setLong(9, counts.skipped());
      ps.setLong(10, counts.flaky());
      ps.setInt(11, runErrors);
      ps.setInt(12, problems);
      ps.setLong(13, runId);
      ps.executeUpdate();
    }
  }

  /** The names of tests first seen in this run, one chunk per suite. */
  static void names(Connection c, Map<Long, SuiteNames.Chunk> names) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO suite_tests (suite_id, first_ordinal, count, names) VALUES (?, ?, ?, ?)")) {
      for (var entry : names.entrySet()) {
        ps.setLong(1, entry.getKey());
        ps.setInt(2, entry.getValue().firstOrdinal);
        ps.setInt(3, entry.getValue().count());
        ps.setBytes(4, entry.getValue().bytes());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void suites(Connection c, long runId, Collection<SuiteResults> suites, Texts texts)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_suites (run_id, suite_id, passed, failed, errored, skipped, flaky,"
                + " duration_us, started_at, properties, stdout_id, stderr_id, results)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (SuiteResults suite : suites) {
        Counts counts = suite.counts();
        SuiteInfo info = suite.info;
        ps.setLong(1, runId);
        ps.setLong(2, suite.suiteId);
        ps.setLong(3, counts.passed());
        ps.setLong(4, counts.failed());
        ps.setLong(5, counts.errored());
        ps.setLong(6, counts.skipped());
        ps.setLong(7, counts.flaky());
        Sql.setLong(ps, 8, suite.durationMicros());
        ps.setString(9, info == null ? null : Sql.instant(info.started()));
        ps.setString(
            10,
            info == null || info.properties().isEmpty()
                ? null
                : Sql.json(new TreeMap<>(info.properties())));
        Sql.setLong(ps, 11, info == null ? null : texts.output(info.stdout()));
        Sql.setLong(ps, 12, info == null ? null : texts.output(info.stderr()));
        ps.setBytes(13, suite.encode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void labels(Connection c, long runId, Map<String, String> labels) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO run_labels (run_id, key, value) VALUES (?, ?, ?)")) {
      for (var label : labels.entrySet()) {
        ps.setLong(1, runId);
        ps.setString(2, label.getKey());
        ps.setString(3, label.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void problems(Connection c, long runId, List<Problem> problems) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_problems (run_id, file, line, col, severity, message) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Problem p : problems) {
        ps.setLong(1, runId);
        ps.setString(2, p.where().file());
        ps.setLong(3, p.where().line());
        ps.setLong(4, p.where().column());
        ps.setString(5, p.severity().name());
        ps.setString(6, p.message());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void runErrors(Connection c, long runId, List<RunError> errors, Texts texts)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_errors (run_id, kind, scope, failure_id, file, line) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (RunError e : errors) {
        ps.setLong(1, runId);
        ps.setString(2, e.kind().name());
        ps.setString(3, e.scope());
        ps.setLong(4, texts.failure(e.failure()));
        ps.setString(5, e.where() == null ? null : e.where().file());
        Sql.setLong(ps, 6, e.where() == null ? null : e.where().line());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void files(Connection c, long runId, List<InputFile> files) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_files (run_id, ordinal, path, format, bytes, tests, duplicate_of)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (InputFile f : files) {
        ps.setLong(1, runId);
        ps.setInt(2, ordinal++);
        ps.setString(3, f.path());
        ps.setString(4, f.format());
        ps.setLong(5, f.bytes());
        ps.setLong(6, f.tests());
        ps.setString(7, f.duplicateOf());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The places of result files, one row each; their suites one per line. */
  static void places(Connection c, long runId, List<dev.evident.model.ResultPlace> places)
      throws SQLException {
    if (places.isEmpty()) {
      return;
    }
    java.util.Map<String, java.util.Set<String>> merged = new java.util.TreeMap<>();
    for (dev.evident.model.ResultPlace p : places) {
      merged.computeIfAbsent(p.place(), k -> new java.util.LinkedHashSet<>()).addAll(p.suites());
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO run_places (run_id, place, suites) VALUES (?, ?, ?)")) {
      for (var e : merged.entrySet()) {
        ps.setLong(1, runId);
        ps.setString(2, e.getKey());
        ps.setString(3, String.join("\n", e.getValue()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void logs(Connection c, long runId, List<JdbcRunWriter.Log> logs) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO run_logs (run_id, stream, full_length, body) VALUES (?, ?, ?, ?)")) {
      for (JdbcRunWriter.Log log : logs) {
        ps.setLong(1, runId);
        ps.setString(2, log.stream());
        ps.setLong(3, log.fullLength());
        ps.setBytes(
            4, Texts.deflate(log.excerpt().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
