package dev.evident.store;

import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema, by Flyway migrations: db/migration/sqlite and db/migration/postgresql hold the same
 * versions with the same meaning.
 */
final class Migrations {

  /**
   * The newest migration of both dialects; a database that has it is opened without starting Flyway
   * (which costs a CLI command about 100 ms).
   */
  static final int SCHEMA_VERSION = 9;

  /** Flyway logs every step at INFO through java.util.logging; a CLI prints none of that. */
  private static final Logger FLYWAY_LOG = quietFlyway();

  private Migrations() {}

  private static Logger quietFlyway() {
    Logger logger = Logger.getLogger("org.flywaydb");
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  /** Migrates a database to the newest schema; {@code source} gives Flyway its data source. */
  static void migrate(Dialect dialect, String name, UnaryOperator<FluentConfiguration> source) {
    FLYWAY_LOG.fine("migrating " + name);
    try {
      source
          .apply(
              Flyway.configure()
                  .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
                  .locations(dialect.migrations())
                  // No migration uses ${placeholders}: without the replacing reader, which reads
                  // the scripts a character at a time, a new database is ready sooner.
                  .placeholderReplacement(false))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate database " + name + ": " + e.getMessage(), e);
    }
  }
}
