package dev.evident.service;

import dev.evident.model.EvidentException;
import dev.evident.store.ResultStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An open store with the use cases over it; what the CLI and the server hold while they work.
 * Closing it closes the store.
 */
public final class Workspace implements AutoCloseable {

  private final CompletableFuture<ResultStore> store;

  private Workspace(CompletableFuture<ResultStore> store) {
    this.store = store;
  }

  /** Opens the store a {@code --db} option names (a SQLite file path or a JDBC URL). */
  public static Workspace open(String db) {
    return new Workspace(CompletableFuture.completedFuture(ResultStore.open(db)));
  }

  /**
   * Opens the store on another thread and returns at once: {@code evident run} starts its command
   * meanwhile, so loading SQLite costs the run no time. Errors surface on first use.
   */
  public static Workspace openInBackground(String db) {
    return new Workspace(CompletableFuture.supplyAsync(() -> ResultStore.open(db)));
  }

  private ResultStore store() {
    try {
      return store.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof EvidentException evident) {
        throw evident;
      }
      throw e;
    }
  }

  public IngestService ingest() {
    return new IngestService(store());
  }

  /** A run service; one per command run (it can cancel its command). */
  public RunService runner() {
    Supplier<ResultStore> later = this::store;
    return new RunService(later);
  }

  public RunQueries runs() {
    return new RunQueries(store());
  }

  @Override
  public void close() {
    if (store.isDone() && !store.isCompletedExceptionally()) {
      store.join().close();
    } else if (!store.isDone()) {
      store.thenAccept(ResultStore::close).exceptionally(e -> null).join();
    }
  }
}
