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
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/**
 * The result_details rows of one run being written: everything about a result beyond outcome and
 * duration, for every result that is not a plain pass. Inserts are batched; texts go through {@link
 * Texts}. Not thread safe.
 */
final class Details implements AutoCloseable {

  private static final int BATCH = 500;

  private final Connection c;
  private final long runId;
  private final Texts texts;
  private final PreparedStatement insert;
  private int pending;

  Details(Connection c, long runId) throws SQLException {
    this.c = c;
    this.runId = runId;
    this.texts = new Texts(c);
    this.insert =
        c.prepareStatement(
            "INSERT INTO result_details (run_id, test_ref, outcome, failure_id, stdout_id, stderr_id,"
                + " source_file, source_line, tags, properties, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  /** Whether a result needs a details row: anything but a pass with nothing more to say. */
  static boolean needed(TestResult r) {
    return r.outcome() != Outcome.PASSED || r.hasDetails();
  }

  Texts texts() {
    return texts;
  }

  void write(long ref, TestResult r) throws SQLException {
    insert.setLong(1, runId);
    insert.setLong(2, ref);
    insert.setInt(3, r.outcome().ordinal());
    Sql.setLong(insert, 4, r.failure().isEmpty() ? null : texts.failure(r.failure()));
    Sql.setLong(insert, 5, texts.output(r.stdout()));
    Sql.setLong(insert, 6, texts.output(r.stderr()));
    insert.setString(7, r.source() == null ? null : r.source().file());
    Sql.setLong(insert, 8, r.source() == null || r.source().line() <= 0 ? null : r.source().line());
    insert.setString(9, r.tags().isEmpty() ? null : Sql.json(r.tags()));
    insert.setString(10, r.properties().isEmpty() ? null : Sql.json(new TreeMap<>(r.properties())));
    insert.setString(
        11,
        r.earlierAttempts().isEmpty()
            ? null
            : Attempts.encode(r.earlierAttempts(), texts::failure));
    insert.addBatch();
    if (++pending >= BATCH) {
      flush();
    }
  }

  /** Replaces the details of a result already written (a rerun merged into it). */
  void replace(long ref, TestResult merged) throws SQLException {
    flush();
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM result_details WHERE run_id = ? AND test_ref = ?")) {
      ps.setLong(1, runId);
      ps.setLong(2, ref);
      ps.executeUpdate();
    }
    if (needed(merged)) {
      write(ref, merged);
      flush();
    }
  }

  void flush() throws SQLException {
    texts.flush();
    if (pending > 0) {
      insert.executeBatch();
      pending = 0;
    }
  }

  /**
   * A result written in this run, back as a {@link TestResult}: outcome and duration as the caller
   * keeps them, the rest from its details row when it has one. Call {@link #flush} first.
   */
  TestResult read(long ref, TestId id, Outcome outcome, Duration duration) throws SQLException {
    return read(c, runId, ref, id, outcome, duration);
  }

  static TestResult read(
      Connection c, long runId, long ref, TestId id, Outcome outcome, Duration duration)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT failure_id, stdout_id, stderr_id, source_file, source_line, tags, properties, attempts"
                + " FROM result_details WHERE run_id = ? AND test_ref = ?")) {
      ps.setLong(1, runId);
      ps.setLong(2, ref);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return TestResult.of(id, outcome, duration);
        }
        String file = rs.getString("source_file");
        String attempts = rs.getString("attempts");
        List<Attempt> earlier =
            attempts == null ? List.of() : Attempts.decode(attempts, f -> failure(c, f));
        return new TestResult(
            id,
            outcome,
            duration,
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

  private static Failure failure(Connection c, Long id) {
    return Texts.failure(c, id);
  }

  private static Excerpt output(Connection c, Long id) {
    return Texts.output(c, id);
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    texts.close();
  }
}
