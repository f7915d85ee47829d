package dev.evident.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The store's two backends, for tests that run against both: {@code @ParameterizedClass} with
 * {@code @EnumSource(Backend.class)}. A SQLite store is a file in the test's directory; a
 * PostgreSQL store a fresh database on the one embedded server of the test JVM.
 */
public enum Backend {
  SQLITE,
  POSTGRESQL;

  /** What a {@code --db} option would say for a new, empty store; SQLite's file is {@code file}. */
  public String newStore(Path file) {
    return this == SQLITE ? file.toString() : EmbeddedPostgresServer.newDatabase();
  }

  /** A plain JDBC connection to a store, to look at its tables. */
  public static Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(db.startsWith("jdbc:") ? db : "jdbc:sqlite:" + db);
  }
}
