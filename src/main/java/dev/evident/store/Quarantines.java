package dev.evident.store;

import dev.evident.model.QuarantinedTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The quarantine table: tests whose failures are known. */
final class Quarantines {

  private Quarantines() {}

  /** Adds a test, or replaces its reason and date when it is there already. */
  static QuarantinedTest add(Connection c, QuarantinedTest test) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
      ps.setString(1, test.project());
      ps.setString(2, Sql.instant(test.since()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO quarantine (project_id, test, reason, created_at)"
                + " SELECT id, ?, ?, ? FROM projects WHERE name = ?"
                + " ON CONFLICT (project_id, test) DO UPDATE SET reason = excluded.reason,"
                + " created_at = excluded.created_at")) {
      ps.setString(1, test.test());
      ps.setString(2, test.reason());
      ps.setString(3, Sql.instant(test.since()));
      ps.setString(4, test.project());
      ps.executeUpdate();
    }
    return test;
  }

  /** Removes a test; false when it was not in quarantine. */
  static boolean remove(Connection c, String project, String test) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM quarantine WHERE test = ?"
                + " AND project_id = (SELECT id FROM projects WHERE name = ?)")) {
      ps.setString(1, test);
      ps.setString(2, project);
      return ps.executeUpdate() > 0;
    }
  }

  /** The quarantined tests of a project (of all when null), by project and test. */
  static List<QuarantinedTest> find(Connection c, String project) throws SQLException {
    List<QuarantinedTest> tests = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.name, q.test, q.reason, q.created_at FROM quarantine q"
                + " JOIN projects p ON p.id = q.project_id"
                + (project == null ? "" : " WHERE p.name = ?")
                + " ORDER BY p.name, q.test")) {
      if (project != null) {
        ps.setString(1, project);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tests.add(
              new QuarantinedTest(
                  rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs.getString(4))));
        }
      }
    }
    return tests;
  }
}
