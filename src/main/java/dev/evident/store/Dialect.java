package dev.evident.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the SQL of SQLite and of PostgreSQL, kept to a few expressions: everything
 * else the store writes is SQL both accept ({@code INSERT ... RETURNING}, {@code ON CONFLICT}).
 */
enum Dialect {
  SQLITE("classpath:db/migration/sqlite") {
    @Override
    String branchOf(String attributes) {
      return "json_extract(" + attributes + ", '$.\"git.branch\"')";
    }

    @Override
    String forUpdate() {
      // A SQLite transaction begins IMMEDIATE: it holds the file's write lock already.
      return "";
    }

    @Override
    boolean hasMigrationTable(Connection c) throws SQLException {
      return exists(
          c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'");
    }
  },

  POSTGRESQL("classpath:db/migration/postgresql") {
    @Override
    String branchOf(String attributes) {
      return "(CAST(" + attributes + " AS jsonb) ->> 'git.branch')";
    }

    @Override
    String forUpdate() {
      return " FOR UPDATE";
    }

    @Override
    boolean hasMigrationTable(Connection c) throws SQLException {
      return exists(c, "SELECT to_regclass('flyway_schema_history') IS NOT NULL");
    }
  };

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** Where Flyway finds this dialect's migrations. */
  String migrations() {
    return migrations;
  }

  /** An SQL expression for the {@code git.branch} attribute of a runs row's attributes column. */
  abstract String branchOf(String attributes);

  /**
   * What follows a SELECT of a project row to lock it until the transaction ends, so that two
   * writers of one project take turns at its tests' ordinals.
   */
  abstract String forUpdate();

  abstract boolean hasMigrationTable(Connection c) throws SQLException;

  /** The newest migration applied to a database, 0 for an empty one. */
  int schemaVersion(Connection c) throws SQLException {
    if (!hasMigrationTable(c)) {
      return 0;
    }
    // "WHERE success" reads true for SQLite's 1 and PostgreSQL's boolean alike.
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static boolean exists(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
