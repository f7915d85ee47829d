package dev.evident.service;

import dev.evident.store.ResultStore;

/**
 * An open store with the use cases over it; what the CLI and the server hold while they work.
 * Closing it closes the store.
 */
public final class Workspace implements AutoCloseable {

  private final ResultStore store;

  private Workspace(ResultStore store) {
    this.store = store;
  }

  /** Opens the store a {@code --db} option names (a SQLite file path or a JDBC URL). */
  public static Workspace open(String db) {
    return new Workspace(ResultStore.open(db));
  }

  public IngestService ingest() {
    return new IngestService(store);
  }

  /** A run service; one per command run (it can cancel its command). */
  public RunService runner() {
    return new RunService(store);
  }

  public RunQueries runs() {
    return new RunQueries(store);
  }

  @Override
  public void close() {
    store.close();
  }
}
