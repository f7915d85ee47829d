package dev.evident.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases of the bench scripts, SQLite files or PostgreSQL databases alike.
 *
 * <ul>
 *   <li>{@code BenchDb fresh DB SUFFIX}: an empty store beside DB, printed: for a file the file
 *       {@code NAME-SUFFIX.db} (removed with its WAL and index first), for a PostgreSQL URL the
 *       database {@code NAME_SUFFIX} on the same server (dropped and created again).
 *   <li>{@code BenchDb size DB}: the store's size in bytes.
 *   <li>{@code BenchDb postgres PORT}: starts an embedded PostgreSQL (the test dependency) on PORT,
 *       prints its URL and runs until stdin is closed or the process is stopped.
 * </ul>
 *
 * For PostgreSQL the URL's user and password are used as given (user in the URL, password from
 * EVIDENT_DB_PASSWORD or PGPASSWORD).
 */
public final class BenchDb {

  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");

  private BenchDb() {}

  public static void main(String[] args) throws Exception {
    // the PostgreSQL driver's SLF4J finds no provider; a bench prints figures, not that
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    switch (args[0]) {
      case "fresh" -> System.out.println(fresh(args[1], args[2]));
      case "size" -> System.out.println(size(args[1]));
      case "postgres" -> postgres(Integer.parseInt(args[1]));
      default -> throw new IllegalArgumentException("fresh, size or postgres, not " + args[0]);
    }
  }

  private static String fresh(String db, String suffix) throws IOException, SQLException {
    Matcher m = URL.matcher(db);
    if (!m.matches()) {
      Path file =
          Path.of(
              db.endsWith(".db")
                  ? db.substring(0, db.length() - 3) + "-" + suffix + ".db"
                  : db + "-" + suffix);
      for (String end : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(file + end));
      }
      deleteTree(Path.of(file.toString().replaceFirst("\\.db$", "") + ".index"));
      return file.toString();
    }
    String name = m.group(2) + "_" + suffix;
    String query = m.group(3) == null ? "" : m.group(3);
    try (Connection c = connect(m.group(1) + "postgres" + query);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    return m.group(1) + name + query;
  }

  private static long size(String db) throws IOException, SQLException {
    if (!URL.matcher(db).matches()) {
      long size = 0;
      for (String end : new String[] {"", "-wal"}) {
        Path p = Path.of(db + end);
        size += Files.exists(p) ? Files.size(p) : 0;
      }
      return size;
    }
    try (Connection c = connect(db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect(String url) throws SQLException {
    String password = System.getenv("EVIDENT_DB_PASSWORD");
    if (password == null) {
      password = System.getenv("PGPASSWORD");
    }
    java.util.Properties p = new java.util.Properties();
    if (password != null) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection(url, p);
  }

  private static void postgres(int port) throws IOException {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).start()) {
      System.out.println("jdbc:postgresql://localhost:" + pg.getPort() + "/evident?user=postgres");
      System.out.flush();
      // until the process is stopped: the embedded server's shutdown hook stops PostgreSQL
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
