package dev.evident.store;

import dev.evident.model.Category;
import dev.evident.model.FailureLabel;
import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The failure_labels table: people's verdicts on failure causes. */
final class Labels {

  private static final String COLUMNS =
      "l.id, p.name, l.fingerprint, l.cause, l.note, l.created_at, l.source_run_id,"
          + " l.source_test_ref FROM failure_labels l JOIN projects p ON p.id = l.project_id";

  private Labels() {}

  static FailureLabel add(Connection c, NewLabel label) throws SQLException {
    long projectId;
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM projects WHERE name = ?")) {
      ps.setString(1, label.project());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("no project " + label.project() + " in the store");
        }
        projectId = rs.getLong(1);
      }
    }
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO failure_labels (project_id, fingerprint, cause, note, created_at,"
                + " source_run_id, source_test_ref) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      ps.setLong(1, projectId);
      ps.setString(2, label.fingerprint());
      ps.setString(3, label.cause().id());
      ps.setString(4, label.note());
      ps.setString(5, Sql.instant(label.created()));
      Sql.setLong(ps, 6, label.sourceRun());
      Sql.setLong(ps, 7, label.sourceTestRef());
      id = Sql.returnedId(ps);
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " WHERE l.id = ?")) {
      ps.setLong(1, id);
      return read(c, ps).get(0);
    }
  }

  /** Labels of a project (all projects when null), or of some fingerprints only; newest first. */
  static List<FailureLabel> find(Connection c, String project, Collection<String> fingerprints)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " WHERE 1 = 1");
    if (project != null) {
      sql.append(" AND p.name = ?");
    }
    if (fingerprints != null) {
      if (fingerprints.isEmpty()) {
        return List.of();
      }
      sql.append(" AND l.fingerprint IN (").append("?, ".repeat(fingerprints.size() - 1));
      sql.append("?)");
    }
    sql.append(" ORDER BY l.id DESC");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (project != null) {
        ps.setString(i++, project);
      }
      if (fingerprints != null) {
        for (String fingerprint : fingerprints) {
          ps.setString(i++, fingerprint);
        }
      }
      return read(c, ps);
    }
  }

  private static List<FailureLabel> read(Connection c, PreparedStatement ps) throws SQLException {
    List<FailureLabel> labels = new ArrayList<>();
    Names names = new Names(c);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long run = rs.getLong(7);
        Long sourceRun = rs.wasNull() ? null : run;
        long ref = rs.getLong(8);
        TestId test = rs.wasNull() ? null : names.id(ref);
        labels.add(
            new FailureLabel(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Category.byId(rs.getString(4)),
                rs.getString(5),
                Sql.instant(rs.getString(6)),
                sourceRun,
                test));
      }
    }
    return labels;
  }
}
