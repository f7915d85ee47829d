package dev.evident.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The embedded database: one SQLite file in WAL mode and one connection, used by one thread at a
 * time (a lock), which is what SQLite's single writer wants.
 *
 * <p>A database that does not exist yet can be written aside (see {@link #openAside}): a file of
 * its own next to it, with the rollback journal in memory and no syncs, linked into place once the
 * first write is committed (or when closed). Until then nothing is at the database's path, so a
 * crash leaves no half-written database there, and the run's pages are written once instead of
 * twice (to the write-ahead log, then to the file).
 */
final class SqliteDatabase implements Database {

  private final Path file;
  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection;

  /** The file being written aside, not yet at {@link #file}; null once it is (or never was). */
  private volatile Path aside;

  /** Deletes the file written aside when the JVM ends first (Ctrl-C during an ingest). */
  private final Thread discard;

  private SqliteDatabase(Path file, Connection connection, Path aside) {
    this.file = file;
    this.connection = connection;
    this.aside = aside;
    this.discard = aside == null ? null : new Thread(this::discardAside, "evident-discard");
    if (discard != null) {
      Runtime.getRuntime().addShutdownHook(discard);
    }
  }

  private void discardAside() {
    Path unpublished = aside;
    if (unpublished != null) {
      try {
        Files.deleteIfExists(unpublished);
      } catch (IOException e) {
        // the JVM is ending; the file stays, named after this process
      }
    }
  }

  /** Opens (creating when missing) a database file, migrated to the newest schema. */
  static SqliteDatabase open(Path file) {
    createParent(file);
    return new SqliteDatabase(file, connect(file, "WAL", "NORMAL"), null);
  }

  /**
   * As {@link #open}; a file that does not exist yet is written aside until the first commit (see
   * the class comment). For commands that write a run at once (ingest).
   */
  static SqliteDatabase openAside(Path file) {
    createParent(file);
    // A link (even one to a file not there yet) is opened where it points, as before.
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return open(file);
    }
    Path aside = file.resolveSibling(file.getFileName() + ".new-" + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(aside);
    } catch (IOException e) {
      throw new StoreException("cannot write database " + aside + ": " + e.getMessage(), e);
    }
    // The journal in memory, not off: a run that fails is rolled back as on a published file.
    return new SqliteDatabase(file, connect(aside, "MEMORY", "OFF"), aside);
  }

  private static void createParent(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the directory for database " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path file, String journal, String synchronous) {
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
        s.execute("PRAGMA journal_mode = " + journal);
        s.execute("PRAGMA synchronous = " + synchronous);
        s.execute("PRAGMA cache_size = -32768");
        s.execute("PRAGMA temp_store = MEMORY");
      }
      if (Dialect.SQLITE.schemaVersion(connection) < Migrations.SCHEMA_VERSION) {
        // Flyway's own connection: an aside file's settings go with its URL (they last a
        // connection, and its first write sets the page size), a WAL file's are in the file.
        String migrating =
            journal.equals("WAL")
                ? url
                : url + "?page_size=16384&journal_mode=" + journal + "&synchronous=" + synchronous;
        Migrations.migrate(
            Dialect.SQLITE, file.toString(), f -> f.dataSource(migrating, null, null));
      }
      return connection;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open database " + file + ": " + e.getMessage() + " (is it an Evident database?)",
          e);
    }
  }

  /**
   * Puts a database written aside in place: synced, linked to its path (never over a file another
   * process created there meanwhile), then opened there in WAL mode like any other.
   */
  private void publish() {
    Path written = aside;
    aside = null;
    try {
      Runtime.getRuntime().removeShutdownHook(discard);
    } catch (IllegalStateException e) {
      // the JVM is ending already
    }
    try {
      connection.close();
      try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.createLink(file, written);
        Files.deleteIfExists(written);
      } catch (UnsupportedOperationException e) {
        Files.move(written, file);
      }
      syncDirectory(file.toAbsolutePath().getParent());
    } catch (FileAlreadyExistsException e) {
      throw new StoreException(
          "database "
              + file
              + " was created by another process while this one wrote a new one; what this one"
              + " wrote is kept in "
              + written,
          e);
    } catch (IOException | SQLException e) {
      throw new StoreException(
          "cannot put database " + written + " in place as " + file + ": " + e.getMessage(), e);
    }
    connection = connect(file, "WAL", "NORMAL");
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every platform opens directories; the file itself is synced
    }
  }

  /** The file written aside until the first commit, or null when the database is at its path. */
  Path aside() {
    return aside;
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
    try {
      if (aside != null && c.getAutoCommit()) {
        publish();
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (aside != null) {
        publish();
      }
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
