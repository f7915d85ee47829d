package dev.evident.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a store's connections come from: SQLite's one connection behind a lock, or a pool of
 * PostgreSQL connections. A connection acquired is released by the same thread.
 */
interface Database extends AutoCloseable {

  Dialect dialect();

  /** A connection for one piece of work, in auto-commit mode; waits while it is taken. */
  Connection acquire() throws SQLException;

  /** Gives back a connection {@link #acquire} returned. */
  void release(Connection c);

  /** How errors name the database: a file path, or a URL without credentials. */
  String name();

  @Override
  void close();
}
