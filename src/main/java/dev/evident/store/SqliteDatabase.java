package dev.evident.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The embedded database: one SQLite file in WAL mode and one connection, used by one thread at a
 * time (a lock), which is what SQLite's single writer wants.
 */
final class SqliteDatabase implements Database {

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private SqliteDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating when missing) a database file, migrated to the newest schema. */
  static SqliteDatabase open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the directory for database " + file + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + file;
    try {
      SQLiteConfig config = new SQLiteConfig();
      // Take the write lock when a transaction begins, so that two ingests into one file queue up
      // behind the busy timeout instead of failing when the second tries to write.
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setBusyTimeout(60_000);
      Connection connection = DriverManager.getConnection(url, config.toProperties());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = 60000");
        // A new file gets 16 KB pages (an existing one keeps its own): a suite's test names (a few
        // KB a row) and stack traces (about 1 KB) pack several to a page instead of one or three,
        // and a run of 70,000 new failure texts writes a quarter less (see V7). Before WAL mode,
        // which writes the file's header.
        s.execute("PRAGMA page_size = 16384");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA cache_size = -32768");
        s.execute("PRAGMA temp_store = MEMORY");
      }
      if (Dialect.SQLITE.schemaVersion(connection) < Migrations.SCHEMA_VERSION) {
        Migrations.migrate(Dialect.SQLITE, file.toString(), f -> f.dataSource(url, null, null));
      }
      return new SqliteDatabase(file, connection);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open database " + file + ": " + e.getMessage() + " (is it an Evident database?)",
          e);
    }
  }

  Path file() {
    return file;
  }

  @Override
  public Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Override
  public Connection acquire() {
    lock.lock();
    return connection;
  }

  @Override
  public void release(Connection c) {
    lock.unlock();
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
