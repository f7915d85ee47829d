package dev.evident.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database behind a HikariCP pool. Credentials come from {@link Credentials}; a URL
 * with a password in it is refused, and errors name the URL without its parameters.
 */
final class PostgresDatabase implements Database {

  static final String PREFIX = "jdbc:postgresql:";

  /** A CLI command needs one or two connections; a server a few per worker. */
  private static final int POOL_SIZE = 8;

  /**
   * HikariCP logs its start and stop at INFO (through SLF4J to java.util.logging, on stderr); a CLI
   * prints none of that. Kept as a field: java.util.logging holds its loggers weakly.
   */
  private static final Logger POOL_LOG = quietPool();

  private static Logger quietPool() {
    Logger logger = Logger.getLogger("com.zaxxer.hikari");
    logger.setLevel(Level.WARNING);
    return logger;
  }

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)[?&;]password=|//[^/?]*:[^/?]*@");

  private final String name;
  private final HikariDataSource pool;

  private PostgresDatabase(String name, HikariDataSource pool) {
    this.name = name;
    this.pool = pool;
  }

  /** Connects to a {@code jdbc:postgresql:} URL and migrates it to the newest schema. */
  static PostgresDatabase open(String url, Credentials credentials) {
    String name = redact(url);
    if (PASSWORD_PARAMETER.matcher(url).find()) {
      throw new StoreException(
          "database URL "
              + name
              + " holds a password: give it in EVIDENT_DB_PASSWORD, a file named by"
              + " EVIDENT_DB_PASSWORD_FILE or --db-password-file, never on the command line");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("evident");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    config.setInitializationFailTimeout(1);
    if (credentials.user() != null) {
      config.setUsername(credentials.user());
    }
    if (credentials.password() != null) {
      config.setPassword(credentials.password());
    }
    // One round trip for a batch of inserts instead of one per row.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "evident");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to database " + name + ": " + reason(e, credentials), e);
    }
    try {
      PostgresDatabase db = new PostgresDatabase(name, pool);
      Connection c = db.acquire();
      int version;
      try {
        version = Dialect.POSTGRESQL.schemaVersion(c);
      } finally {
        db.release(c);
      }
      if (version < Migrations.SCHEMA_VERSION) {
        Migrations.migrate(Dialect.POSTGRESQL, name, f -> f.dataSource(pool));
      }
      return db;
    } catch (SQLException | RuntimeException e) {
      pool.close();
      if (e instanceof StoreException store) {
        throw store;
      }
      throw new StoreException("cannot open database " + name + ": " + reason(e, credentials), e);
    }
  }

  /** The innermost message, with the password cut out should a driver ever repeat it. */
  private static String reason(Exception e, Credentials credentials) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = String.valueOf(cause.getMessage());
    if (credentials.password() != null && !credentials.password().isEmpty()) {
      message = message.replace(credentials.password(), "***");
    }
    return message;
  }

  /** A URL as errors show it: scheme, host, port and database; no user, password or parameters. */
  static String redact(String url) {
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String base = query < 0 ? rest : rest.substring(0, query);
    try {
      URI uri = URI.create(base.startsWith("//") ? "postgresql:" + base : "postgresql:///" + base);
      if (uri.getHost() == null) {
        return PREFIX + base.replaceAll("//[^/@]*@", "//");
      }
      return PREFIX
          + "//"
          + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getRawPath() == null ? "" : uri.getRawPath());
    } catch (IllegalArgumentException e) {
      return PREFIX + base.replaceAll("//[^/@]*@", "//");
    }
  }

  /** Any JDBC URL as an error shows it: up to its parameters, without user and password. */
  static String redactAny(String url) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    return base.replaceAll("//[^/@]*@", "//");
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  public Connection acquire() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void release(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      throw new StoreException("database " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    pool.close();
  }
}
