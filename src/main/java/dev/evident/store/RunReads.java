package dev.evident.store;

import dev.evident.model.Counts;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads runs rows into {@link Run} records, with their labels. */
final class RunReads {

  private RunReads() {}

  static final String RUN_COLUMNS =
      "r.id, p.name AS project, r.source, r.created_at, r.started_at, r.finished_at, r.status, r.command,"
          + " r.exit_code, r.attributes, r.collected, r.executed, r.passed, r.failed, r.errored, r.skipped,"
          + " r.flaky, r.run_errors, r.problems";

  /** Runs of one project (all when null), newest first, at most {@code limit}. */
  static List<Run> newest(Connection c, String project, int limit) throws SQLException {
    String sql =
        "SELECT "
            + RUN_COLUMNS
            + " FROM runs r JOIN projects p ON p.id = r.project_id"
            + (project == null ? "" : " WHERE p.name = ?")
            + " ORDER BY r.id DESC LIMIT ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (project != null) {
        ps.setString(i++, project);
      }
      ps.setInt(i, limit);
      return readRuns(c, ps);
    }
  }

  static List<Run> byId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + RUN_COLUMNS
                + " FROM runs r JOIN projects p ON p.id = r.project_id WHERE r.id = ?")) {
      ps.setLong(1, id);
      return readRuns(c, ps);
    }
  }

  /** Runs of every project with ids above {@code afterId}, oldest first. */
  static List<Run> after(Connection c, long afterId, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + RUN_COLUMNS
                + " FROM runs r JOIN projects p ON p.id = r.project_id"
                + " WHERE r.id > ? ORDER BY r.id LIMIT ?")) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      return readRuns(c, ps);
    }
  }

  /** Runs of a project with ids up to {@code id}, newest first. */
  static List<Run> upTo(Connection c, String project, long id, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + RUN_COLUMNS
                + " FROM runs r JOIN projects p ON p.id = r.project_id"
                + " WHERE p.name = ? AND r.id <= ? ORDER BY r.id DESC LIMIT ?")) {
      ps.setString(1, project);
      ps.setLong(2, id);
      ps.setInt(3, limit);
      return readRuns(c, ps);
    }
  }

  static List<Run> readRuns(Connection c, PreparedStatement ps) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Integer exit = rs.getObject("exit_code") == null ? null : rs.getInt("exit_code");
        runs.add(
            new Run(
                rs.getLong("id"),
                rs.getString("project"),
                rs.getString("source"),
                Sql.instant(rs.getString("created_at")),
                Sql.instant(rs.getString("started_at")),
                Sql.instant(rs.getString("finished_at")),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("command"),
                exit,
                Sql.stringMap(rs.getString("attributes")),
                Map.of(),
                Counts.of(
                    rs.getLong("passed"),
                    rs.getLong("failed"),
                    rs.getLong("errored"),
                    rs.getLong("skipped"),
                    rs.getLong("flaky")),
                rs.getInt("run_errors"),
                rs.getInt("problems")));
      }
    }
    if (runs.isEmpty()) {
      return runs;
    }
    Map<Long, Map<String, String>> labels = labels(c, runs);
    List<Run> labelled = new ArrayList<>(runs.size());
    for (Run r : runs) {
      labelled.add(
          new Run(
              r.id(),
              r.project(),
              r.source(),
              r.created(),
              r.started(),
              r.finished(),
              r.status(),
              r.command(),
              r.exitCode(),
              r.attributes(),
              labels.getOrDefault(r.id(), Map.of()),
              r.counts(),
              r.runErrors(),
              r.problems()));
    }
    return labelled;
  }

  private static Map<Long, Map<String, String>> labels(Connection c, List<Run> runs)
      throws SQLException {
    long min = runs.stream().mapToLong(Run::id).min().orElseThrow();
    long max = runs.stream().mapToLong(Run::id).max().orElseThrow();
    Map<Long, Map<String, String>> labels = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT run_id, key, value FROM run_labels WHERE run_id BETWEEN ? AND ? ORDER BY key")) {
      ps.setLong(1, min);
      ps.setLong(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          labels
              .computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return labels;
  }
}
