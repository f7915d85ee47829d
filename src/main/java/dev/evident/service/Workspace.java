package dev.evident.service;

import dev.evident.analyze.Classifier;
import dev.evident.model.EvidentException;
import dev.evident.store.FailureIndex;
import dev.evident.store.IndexLocation;
import dev.evident.store.ResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An open store with the use cases over it; what the CLI and the server hold while they work.
 * Closing it closes the store.
 */
public final class Workspace implements AutoCloseable {

  private final Object diagnosing = new Object();
  private final String db;
  private final CompletableFuture<ResultStore> store;
  private FailureHistory history;
  private FailureSignatures signatures;
  private Classifier classifier;

  private Workspace(String db, CompletableFuture<ResultStore> store) {
    this.db = db;
    this.store = store;
  }

  /** Opens the store a {@code --db} option names (a SQLite file path or a JDBC URL). */
  public static Workspace open(String db) {
    return open(db, null);
  }

  /** As {@link #open(String)}, with a {@code --db-password-file} (or null) for PostgreSQL. */
  public static Workspace open(String db, Path passwordFile) {
    ResultStore opened = ResultStore.open(db, passwordFile);
    Timing.mark("store opened");
    return new Workspace(db, CompletableFuture.completedFuture(opened));
  }

  /**
   * As {@link #open(String, Path)}, for a command that stores a run at once: a new SQLite file is
   * written aside and put in place when the run is committed (see ResultStore#openToWrite).
   */
  public static Workspace openToWrite(String db, Path passwordFile) {
    ResultStore opened = ResultStore.openToWrite(db, passwordFile);
    Timing.mark("store opened");
    return new Workspace(db, CompletableFuture.completedFuture(opened));
  }

  /**
   * Opens the store on another thread and returns at once: {@code evident run} starts its command
   * meanwhile, so loading SQLite costs the run no time. Errors surface on first use.
   */
  public static Workspace openInBackground(String db, Path passwordFile) {
    return new Workspace(
        db,
        CompletableFuture.supplyAsync(
            () -> {
              ResultStore opened = ResultStore.open(db, passwordFile);
              Timing.mark("store opened");
              return opened;
            }));
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

  /** Stores the run a {@link RunJournal} file records, in the journal's project. */
  public dev.evident.model.Run replay(Path journal) {
    return RunJournal.replay(journal, null, store()).run();
  }

  public RunQueries runs() {
    return new RunQueries(store());
  }

  /** Evaluation runs: samples with models, tokens and cost. */
  public EvalService evals() {
    return new EvalService(store());
  }

  /** Comparisons of two runs, test by test. */
  public CompareService compares() {
    return new CompareService(store());
  }

  /** Quality gates: a run checked against rules, quarantined tests left out. */
  public GateService gates() {
    return new GateService(store());
  }

  /** Exports of runs to CTRF and JUnit XML. */
  public ExportService exports() {
    return new ExportService(store(), Clock.systemUTC());
  }

  /** A project, or one test, over its last runs. */
  public TrendService trends() {
    return new TrendService(store());
  }

  /** What the HTML report adds: the trend up to a run and every test of it. */
  public ReportPageService reportPages() {
    return new ReportPageService(store());
  }

  /** Suspicious tests: what looks tested but may not be. */
  public SuspectService suspects() {
    return new SuspectService(store());
  }

  /** Progress of categories of tests toward their targets. */
  public ProgressService progress() {
    return new ProgressService(store());
  }

  /** Labels: people's verdicts on failure causes, inherited by later similar failures. */
  public LabelService labels() {
    return new LabelService(store(), history(), Clock.systemUTC());
  }

  /** Flakiness of a project's tests over a window of its runs. */
  public FlakinessService flakiness() {
    return new FlakinessService(store());
  }

  /** The quarantine: tests whose failures are known. */
  public QuarantineService quarantine() {
    return new QuarantineService(store(), Clock.systemUTC());
  }

  /** API tokens of the server, in this store. */
  public TokenService tokens() {
    return new TokenService(dev.evident.store.ServerStore.over(store()), Clock.systemUTC());
  }

  /**
   * The server's queries, confined to one project each; {@code config} gives flaky settings and
   * progress categories ({@link dev.evident.model.ProjectConfig#EMPTY} for none).
   */
  public ServerQueries serverQueries(dev.evident.model.ProjectConfig config, String configName) {
    return new ServerQueries(
        this, store(), dev.evident.store.ServerStore.over(store()), config, configName);
  }

  /**
   * The server's task queue with its workers started; close it before the workspace.
   *
   * @param suites the suites the server's config declares
   */
  public TaskService tasks(
      java.util.List<dev.evident.model.TaskSuite> suites, TaskService.Settings settings) {
    return new TaskService(store(), suites, settings, Clock.systemUTC());
  }

  /** Status reports of runs: every section computed from the stored results. */
  public ReportService reports() {
    return new ReportService(store(), this, Clock.systemUTC());
  }

  /**
   * The rule-based classifier: the built-in rules and the user's .evident/rules.yaml in the current
   * directory, loaded on first use.
   */
  synchronized Classifier classifier() {
    if (classifier == null) {
      classifier = Rules.classifier(java.nio.file.Path.of(""), null);
    }
    return classifier;
  }

  /** Checks hand-written status reports against stored runs. */
  public VerifyService verifier() {
    return new VerifyService(store());
  }

  /**
   * Runs work that diagnoses (a diagnosis, a report) one at a time in this workspace: the
   * classifier, failure signatures and failure index it loads lazily and shares are not thread
   * safe. The server's API, web UI and MCP tools all go through here; the CLI's one thread never
   * waits.
   */
  public <T> T diagnosing(Supplier<T> work) {
    synchronized (diagnosing) {
      return work.get();
    }
  }

  /** Diagnosis of runs: causes, groups, history, labels and next steps. */
  public DiagnoseService diagnoses() {
    return new DiagnoseService(store(), classifier(), signatures(), history());
  }

  /** The analysis of stored failures, shared so that a command classifies each text once. */
  private synchronized FailureSignatures signatures() {
    if (signatures == null) {
      signatures = new FailureSignatures(classifier());
    }
    return signatures;
  }

  /** Past failures: the failure index beside the database, opened on first use. */
  synchronized FailureHistory history() {
    if (history == null) {
      ResultStore opened = store();
      FailureIndex index = FailureIndex.open(IndexLocation.of(db, opened), signatures());
      history = new FailureHistory(opened, index, signatures());
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
      Timing.mark("store closed");
    }
  }
}
