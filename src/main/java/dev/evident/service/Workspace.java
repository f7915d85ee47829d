package dev.evident.service;

import dev.evident.analyze.Classifier;
import dev.evident.model.Diagnosis;
import dev.evident.model.EvidentException;
import dev.evident.store.FailureIndex;
import dev.evident.store.ResultStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An open store with the use cases over it; what the CLI and the server hold while they work.
 * Closing it closes the store.
 */
public final class Workspace implements AutoCloseable {

  /**
   * The classifier the failure index files categories with. A placeholder that says {@code other}
   * until the rule-based classifier is wired in here; grouping, history and labels do not depend on
   * categories.
   */
  private static final Classifier UNCLASSIFIED =
      failure ->
          Diagnosis.unknown(failure.message().isBlank() ? failure.type() : failure.message());

  private final String db;
  private final CompletableFuture<ResultStore> store;
  private FailureHistory history;

  private Workspace(String db, CompletableFuture<ResultStore> store) {
    this.db = db;
    this.store = store;
  }

  /** Opens the store a {@code --db} option names (a SQLite file path or a JDBC URL). */
  public static Workspace open(String db) {
    return new Workspace(db, CompletableFuture.completedFuture(ResultStore.open(db)));
  }

  /**
   * Opens the store on another thread and returns at once: {@code evident run} starts its command
   * meanwhile, so loading SQLite costs the run no time. Errors surface on first use.
   */
  public static Workspace openInBackground(String db) {
    return new Workspace(db, CompletableFuture.supplyAsync(() -> ResultStore.open(db)));
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

  /** Labels: people's verdicts on failure causes, inherited by later similar failures. */
  public LabelService labels() {
    return new LabelService(store(), history(), Clock.systemUTC());
  }

  /** Past failures: the failure index beside the database, opened on first use. */
  FailureHistory history() {
    if (history == null) {
      ResultStore opened = store();
      FailureSignatures signatures = new FailureSignatures(UNCLASSIFIED);
      FailureIndex index = FailureIndex.open(FailureIndex.besideDatabase(db), signatures);
      history = new FailureHistory(opened, index, signatures);
    }
    return history;
  }

  @Override
  public void close() {
    try {
      if (history != null) {
        history.close();
      }
    } finally {
      if (store.isDone() && !store.isCompletedExceptionally()) {
        store.join().close();
      } else if (!store.isDone()) {
        store.thenAccept(ResultStore::close).exceptionally(e -> null).join();
      }
    }
  }
}
