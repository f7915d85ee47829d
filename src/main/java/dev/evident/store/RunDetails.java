package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.InputFile;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunError;
import dev.evident.model.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything {@code show} reads about one run beside its row: suites, failures, problems, logs. */
final class RunDetails {

  private RunDetails() {}

  static RunDetail of(Connection c, Run run, int maxFailures) throws SQLException {
    long runId = run.id();
    return new RunDetail(
        run,
        suites(c, runId),
        failures(c, runId, maxFailures),
        run.counts().failed() + run.counts().errored() + run.counts().flaky(),
        problems(c, runId),
        runErrors(c, runId),
        files(c, runId));
  }

  private static List<RunDetail.SuiteCounts> suites(Connection c, long runId) throws SQLException {
    List<RunDetail.SuiteCounts> suites = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.name, rs.passed, rs.failed, rs.errored, rs.skipped, rs.flaky, rs.duration_us"
                + " FROM run_suites rs JOIN suites s ON s.id = rs.suite_id WHERE rs.run_id = ? ORDER BY s.name")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          suites.add(
              new RunDetail.SuiteCounts(
                  rs.getString(1),
                  Counts.of(
                      rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                  Sql.duration(rs, "duration_us")));
        }
      }
    }
    return suites;
  }

  private static List<RunDetail.FailedTest> failures(Connection c, long runId, int max)
      throws SQLException {
    List<RunDetail.FailedTest> failures = new ArrayList<>();
    if (max <= 0) {
      return failures;
    }
    record Row(long ref, Outcome outcome, Failure failure, int attempts) {}
    List<Row> rows = new ArrayList<>();
    // The failure texts in the same query (one statement, not one per failure), each distinct
    // text decoded once: failures of one cause often share their text.
    Map<Long, Failure> texts = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.test_ref, d.outcome, d.failure_id, d.attempts, t.body FROM result_details d"
                + " LEFT JOIN texts t ON t.id = d.failure_id"
                + " WHERE d.run_id = ? AND d.outcome IN (1, 2, 4)"
                + " ORDER BY d.outcome, d.test_ref LIMIT ?")) {
      ps.setLong(1, runId);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String attempts = rs.getString(4);
          long failureId = rs.getLong(3);
          Failure failure = Failure.NONE;
          if (!rs.wasNull()) {
            failure = texts.get(failureId);
            if (failure == null) {
              byte[] body = rs.getBytes(5);
              failure = body == null ? Failure.NONE : Texts.failure(body);
              texts.put(failureId, failure);
            }
          }
          rows.add(
              new Row(
                  rs.getLong(1),
                  Outcome.values()[rs.getInt(2)],
                  failure,
                  attempts == null ? 1 : Attempts.count(attempts) + 1));
        }
      }
    }
    Names names = new Names(c);
    Map<Long, java.time.Duration> durations =
        durations(c, runId, rows.stream().map(Row::ref).toList());
    for (Row row : rows) {
      failures.add(
          new RunDetail.FailedTest(
              names.id(row.ref()),
              row.outcome(),
              durations.get(row.ref()),
              row.failure(),
              row.attempts()));
    }
    failures.sort(
        java.util.Comparator.comparing((RunDetail.FailedTest f) -> f.outcome())
            .thenComparing(f -> f.id().suite())
            .thenComparing(f -> f.id().name())
            .thenComparing(f -> f.id().parameters()));
    return failures;
  }

  /** The durations of some results of a run, from their suites' result blobs. */
  private static Map<Long, java.time.Duration> durations(Connection c, long runId, List<Long> refs)
      throws SQLException {
    Map<Long, java.time.Duration> durations = new HashMap<>();
    java.util.Set<Long> wanted = new java.util.HashSet<>(refs);
    java.util.Set<Long> suites = new java.util.TreeSet<>();
    refs.forEach(r -> suites.add(TestRefs.suite(r)));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT results FROM run_suites WHERE run_id = ? AND suite_id = ?")) {
      for (long suite : suites) {
        ps.setLong(1, runId);
        ps.setLong(2, suite);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            SuiteResults.decode(
                rs.getBytes(1),
                (ordinal, outcome, micros) -> {
                  long ref = TestRefs.of(suite, ordinal);
                  if (wanted.contains(ref)) {
                    durations.put(ref, Sql.duration(micros));
                  }
                });
          }
        }
      }
    }
    return durations;
  }

  private static List<Problem> problems(Connection c, long runId) throws SQLException {
    List<Problem> problems = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file, line, col, severity, message FROM run_problems WHERE run_id = ? ORDER BY id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          problems.add(
              new Problem(
                  new Location(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                  Severity.valueOf(rs.getString(4)),
                  rs.getString(5)));
        }
      }
    }
    return problems;
  }

  private static List<RunError> runErrors(Connection c, long runId) throws SQLException {
    List<RunError> errors = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, scope, file, line, failure_id FROM run_errors WHERE run_id = ? ORDER BY id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String where = rs.getString(3);
          errors.add(
              new RunError(
                  RunError.Kind.valueOf(rs.getString(1)),
                  rs.getString(2),
                  Texts.failure(c, rs.getLong(5)),
                  where == null ? null : Location.of(where, rs.getLong(4))));
        }
      }
    }
    return errors;
  }

  private static List<InputFile> files(Connection c, long runId) throws SQLException {
    List<InputFile> files = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT path, format, bytes, tests, duplicate_of FROM run_files WHERE run_id = ? ORDER BY ordinal")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.add(
              new InputFile(
                  rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
        }
      }
    }
    return files;
  }

  static Map<String, dev.evident.model.Excerpt> logs(Connection c, long runId) throws SQLException {
    Map<String, dev.evident.model.Excerpt> logs = new java.util.TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT stream, full_length, body FROM run_logs WHERE run_id = ? ORDER BY stream")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String text =
              new String(Texts.inflate(rs.getBytes(3)), java.nio.charset.StandardCharsets.UTF_8);
          logs.put(rs.getString(1), new dev.evident.model.Excerpt(text, rs.getLong(2)));
        }
      }
    }
    return logs;
  }

  /** Every result of a run, suite by suite, from the suites' result blobs. */
  static void results(Connection c, long runId, ResultStore.ResultSink sink) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT suite_id, results FROM run_suites WHERE run_id = ? ORDER BY suite_id")) {
      ps.setLong(1, runId);
      ps.setFetchSize(100);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long suite = rs.getLong(1);
          SuiteResults.decode(
              rs.getBytes(2),
              (ordinal, outcome, micros) ->
                  sink.accept(TestRefs.of(suite, ordinal), outcome, micros));
        }
      }
    }
  }
}
