package dev.evident.store;

import dev.evident.model.Attempt;
import dev.evident.model.Counts;
import dev.evident.model.Excerpt;
import dev.evident.model.ExportSink;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole run for an export: its suites in id order, each suite's results by ordinal, merged
 * with the run's result details (read in ref order, the same order). Memory holds one suite's names
 * and results and a bounded cache of failure texts, however large the run.
 */
final class ExportRows {

  private static final int CACHED_TEXTS = 2048;

  private ExportRows() {}

  private record Entry(int ordinal, Outcome outcome, long micros) {}

  static void forEach(Connection c, long runId, ExportSink sink) throws SQLException {
    Map<Long, Failure> texts =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Failure> eldest) {
            return size() > CACHED_TEXTS;
          }
        };
    try (PreparedStatement suites =
            c.prepareStatement(
                "SELECT rs.suite_id, s.name, rs.passed, rs.failed, rs.errored, rs.skipped,"
                    + " rs.flaky, rs.duration_us, rs.started_at, rs.results"
                    + " FROM run_suites rs JOIN suites s ON s.id = rs.suite_id"
                    + " WHERE rs.run_id = ? ORDER BY rs.suite_id");
        PreparedStatement details =
            c.prepareStatement(
                "SELECT test_ref, failure_id, source_file, source_line, attempts"
                    + " FROM result_details WHERE run_id = ? ORDER BY test_ref")) {
      suites.setLong(1, runId);
      suites.setFetchSize(10);
      details.setLong(1, runId);
      details.setFetchSize(1000);
      try (ResultSet rs = suites.executeQuery();
          ResultSet ds = details.executeQuery()) {
        boolean more = ds.next();
        while (rs.next()) {
          long suite = rs.getLong(1);
          String name = rs.getString(2);
          Counts counts =
              Counts.of(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
          Duration duration = Sql.duration(rs, "duration_us");
          String started = rs.getString(9);
          List<Entry> entries = new ArrayList<>();
          SuiteResults.decode(
              rs.getBytes(10), (ordinal, o, micros) -> entries.add(new Entry(ordinal, o, micros)));
          sink.suite(
              new ExportSink.Suite(
                  name, counts, duration, started == null ? null : Sql.instant(started)));
          List<SuiteNames.Name> names = SuiteNames.load(c, suite);
          for (Entry e : entries) {
            long ref = TestRefs.of(suite, e.ordinal());
            while (more && ds.getLong(1) < ref) {
              more = ds.next();
            }
            Failure failure = Failure.NONE;
            List<Attempt> attempts = List.of();
            String file = null;
            int line = 0;
            if (more && ds.getLong(1) == ref) {
              long failureId = ds.getLong(2);
              if (!ds.wasNull()) {
                failure = text(c, texts, failureId);
              }
              file = ds.getString(3);
              line = ds.getInt(4);
              String json = ds.getString(5);
              if (json != null) {
                attempts = Attempts.decode(json, id -> text(c, texts, id));
              }
            }
            SuiteNames.Name n = names.get(e.ordinal());
            sink.result(
                ref,
                new TestResult(
                    new TestId(name, n.name(), n.parameters()),
                    e.outcome(),
                    e.micros() < 0 ? null : Sql.duration(e.micros()),
                    failure,
                    attempts,
                    Excerpt.EMPTY,
                    Excerpt.EMPTY,
                    file == null ? null : Location.of(file, line),
                    List.of(),
                    Map.of()));
          }
        }
      }
    }
  }

  private static Failure text(Connection c, Map<Long, Failure> texts, long id) {
    Failure failure = texts.get(id);
    if (failure == null) {
      failure = Texts.failure(c, id);
      texts.put(id, failure);
    }
    return failure;
  }
}
