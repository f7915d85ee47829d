package dev.evident.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of the tasks table: reading them into {@link TaskRow}s, and plain updates. */
final class TaskRows {

  static final String COLUMNS =
      "id, project, suite, parameters, origin, state, run_id, created_at, started_at, finished_at,"
          + " tests_done, tests_failed, message, attempts, owner, lease_until, cancel_requested,"
          + " version, model, group_id";

  private TaskRows() {}

  static Optional<TaskRow> byId(Connection c, long id) throws SQLException {
    return rows(c, "SELECT " + COLUMNS + " FROM tasks WHERE id = ?", id).stream().findFirst();
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setNull(i + 1, java.sql.Types.VARCHAR);
      } else if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, a.toString());
      }
    }
  }

  static List<TaskRow> rows(Connection c, String sql, Object... args) throws SQLException {
    List<TaskRow> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
    }
    return rows;
  }

  private static TaskRow row(ResultSet rs) throws SQLException {
    long runId = rs.getLong("run_id");
    Long run = rs.wasNull() ? null : runId;
    long lease = rs.getLong("lease_until");
    Long leaseUntil = rs.wasNull() ? null : lease;
    long group = rs.getLong("group_id");
    Long groupId = rs.wasNull() ? null : group;
    return new TaskRow(
        rs.getLong("id"),
        rs.getString("project"),
        rs.getString("suite"),
        parameters(rs.getString("parameters")),
        rs.getString("origin"),
        rs.getString("state"),
        run,
        Sql.instant(rs.getString("created_at")),
        Sql.instant(rs.getString("started_at")),
        Sql.instant(rs.getString("finished_at")),
        rs.getLong("tests_done"),
        rs.getLong("tests_failed"),
        rs.getString("message"),
        rs.getInt("attempts"),
        rs.getString("owner"),
        leaseUntil,
        rs.getInt("cancel_requested") != 0,
        rs.getLong("version"),
        rs.getString("model"),
        groupId);
  }

  private static Map<String, Object> parameters(String json) {
    try {
      return Sql.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "corrupt task parameters in the store: " + e.getOriginalMessage(), e);
    }
  }
}
