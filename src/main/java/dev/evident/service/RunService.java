package dev.evident.service;

import dev.evident.execute.CommandRunner;
import dev.evident.execute.ConsoleSummary;
import dev.evident.execute.Invocation;
import dev.evident.execute.JsonLinesOutput;
import dev.evident.execute.OutputSink;
import dev.evident.execute.ProgressCounter;
import dev.evident.execute.RunEnvironment;
import dev.evident.execute.RunnerAdapter;
import dev.evident.execute.RunnerAdapters;
import dev.evident.formats.Format;
import dev.evident.model.Check;
import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code evident run}: checks the run's requirements, runs the command under supervision, reads the
 * results it wrote (never older files), and stores a run whose status says what happened: a command
 * that could not run or executed nothing is BROKEN or EMPTY, never PASSED; a timeout or Ctrl-C is
 * INTERRUPTED with the partial results kept.
 */
public final class RunService {

  /** How long TERM has before KILL when a run is stopped. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private final java.util.function.Supplier<ResultStore> stores;
  private volatile CommandRunner runner;
  private volatile boolean cancelled;
  private volatile boolean reserve;
  private Path journal;

  public RunService(ResultStore store) {
    this(() -> store);
    Objects.requireNonNull(store, "store");
  }

  /** With a store that may still be opening: it is asked for only once the command has ended. */
  RunService(java.util.function.Supplier<ResultStore> stores) {
    this.stores = Objects.requireNonNull(stores, "stores");
  }

  /**
   * What to run.
   *
   * @param command the command and its arguments
   * @param workDir where it runs
   * @param project the project the run belongs to
   * @param labels labels for the run
   * @param timeout stop it after this long, or null
   * @param resultGlobs result files to read after it ends (generic mode), relative to workDir
   * @param preflight whether to check the requirements in evident.yaml first
   * @param config an explicit config file, or null to look for evident.yaml
   * @param recordEnv environment variables whose values may be recorded
   * @param env the environment (System.getenv() outside tests)
   * @param attributes facts to record on the run; they win over detected ones
   * @param commandEnv variables added to the command's environment (a task's parameters)
   */
  public record Request(
      List<String> command,
      Path workDir,
      String project,
      Map<String, String> labels,
      Duration timeout,
      List<String> resultGlobs,
      boolean preflight,
      Path config,
      List<String> recordEnv,
      Map<String, String> env,
      Map<String, String> attributes,
      Map<String, String> commandEnv) {
    public Request {
      attributes = Map.copyOf(attributes);
      commandEnv = Map.copyOf(commandEnv);
      command = List.copyOf(command);
      if (command.isEmpty()) {
        throw new InputException(
            "no command to run: give it after --, e.g. evident run -- pytest tests/");
      }
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(project, "project");
      labels = Map.copyOf(labels);
      resultGlobs = List.copyOf(resultGlobs);
      recordEnv = List.copyOf(recordEnv);
      env = Map.copyOf(env);
    }
  }

  /**
   * Sees the run while it goes: the command's output as it comes (from two threads), and when it
   * starts and ends. Implementations synchronize.
   */
  public interface Watcher {
    void output(boolean stderr, byte[] bytes, int offset, int length);

    /** The command started; {@code progress} counts tests as they finish. */
    default void started(Instant at, Progress progress) {}

    /** The command ended; results are being read. */
    default void ended() {}

    /** The run exists (RUNNING) before its command starts, when the service reserves it. */
    default void runCreated(long runId) {}
  }

  /** Tests finished and failed so far, from the runner's output; -1 when it does not say. */
  public interface Progress {
    long finished();

    long failed();
  }

  /**
   * How it went.
   *
   * @param run the stored run
   * @param problems problems found while reading results, and notes on how counts were found
   * @param blocked the requirements that were missing (the command did not run), else empty
   */
  public record Ran(Run run, List<Problem> problems, List<String> blocked) {}

  /**
   * Makes {@link #run} store the run as RUNNING before its command starts, so that its id is known
   * at once ({@link Watcher#runCreated}); it gets its results and status when the command ends.
   */
  public RunService reservingTheRun() {
    reserve = true;
    return this;
  }

  /**
   * Makes {@link #run} also write the stored run to {@code file} as a {@link RunJournal}, for
   * another store to replay ({@code evident run --server}). Not with {@link #reservingTheRun}.
   */
  public RunService journaling(Path file) {
    journal = Objects.requireNonNull(file, "file");
    return this;
  }

  private RunWriter start(RunStart start) {
    RunWriter writer = stores.get().startRun(start);
    return journal == null ? writer : RunJournal.recording(writer, start, journal);
  }

  public Ran run(Request request, Watcher watcher) {
    Timing.mark("run requested");
    if (request.preflight()) {
      Ran blocked = preflight(request);
      if (blocked != null) {
        return blocked;
      }
    }
    Long reserved = null;
    if (reserve) {
      Instant now = Instant.now();
      reserved =
          stores
              .get()
              .reserveRun(
                  new RunStart(
                      request.project(),
                      "run",
                      RunEnvironment.shellQuoted(request.command()),
                      null,
                      request.attributes(),
                      request.labels(),
                      now,
                      null));
      watcher.runCreated(reserved);
    }
    boolean stored = false;
    try {
      Ran ran = run(request, watcher, reserved);
      stored = true;
      return ran;
    } finally {
      if (reserved != null && !stored) {
        stores.get().interruptReserved(reserved, Instant.now());
      }
    }
  }

  private Ran run(Request request, Watcher watcher, Long reserved) {
    RunnerAdapter adapter = RunnerAdapters.detect(request.command(), request.resultGlobs());
    Path scratch = Scratch.create();
    try {
      Invocation invocation = adapter.prepare(request.command(), request.workDir(), scratch);
      ProgressCounter counter = adapter.progress();
      Path stdoutCopy = invocation.stdoutIsResults() ? scratch.resolve("stdout-results") : null;
      OutputSink toWatcher =
          (stream, bytes, offset, length) ->
              watcher.output(stream == OutputSink.Stream.STDERR, bytes, offset, length);
      OutputSink sink = invocation.stdoutIsResults() ? new JsonLinesOutput(toWatcher) : toWatcher;
      Instant before = Instant.now();
      CommandRunner commandRunner =
          new CommandRunner(
              invocation.command(),
              request.workDir(),
              withCommandEnv(invocation.environment(), request.commandEnv()),
              new CommandRunner.Options(request.timeout(), GRACE, sink, counter, stdoutCopy));
      runner = commandRunner;
      if (cancelled) {
        commandRunner.cancel();
      }
      // The environment's probes (git, runtime versions) start once the command has: they can
      // wait, the command's start cannot.
      CompletableFuture<Map<String, String>> attributes =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  commandRunner.awaitStart(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                Timing.mark("probing the environment");
                Map<String, String> collected =
                    RunEnvironment.collect(
                        adapter.name(),
                        request.command(),
                        request.workDir(),
                        request.recordEnv(),
                        request.env(),
                        invocation.runtimeReports().keySet());
                Timing.mark("environment probed");
                return collected;
              });
      RunWarmup.after(
          attributes,
          commandRunner,
          scratch,
          journal == null ? stores : () -> null,
          request.project());
      watcher.started(
          before,
          new Progress() {
            @Override
            public long finished() {
              return counter.finished();
            }

            @Override
            public long failed() {
              return counter.failed();
            }
          });
      Timing.mark("starting the command");
      CommandRunner.Outcome outcome = commandRunner.run();
      Timing.mark("command ended");
      watcher.ended();
      return store(
          request, adapter, invocation, outcome, before, stdoutCopy, attributes.join(), reserved);
    } finally {
      Scratch.delete(scratch);
    }
  }

  /** Stops the running command and its children; the run is stored as INTERRUPTED. */
  public void cancel() {
    cancelled = true;
    CommandRunner r = runner;
    if (r != null) {
      r.cancel();
    }
  }

  private static Map<String, String> withCommandEnv(
      Map<String, String> adapterEnv, Map<String, String> commandEnv) {
    if (commandEnv.isEmpty()) {
      return adapterEnv;
    }
    Map<String, String> merged = new java.util.HashMap<>(commandEnv);
    merged.putAll(adapterEnv);
    return merged;
  }

  private Ran preflight(Request request) {
    Preflights.Result result = Preflights.run(request.workDir(), request.config(), request.env());
    List<Check> missing = result.missing();
    if (missing.isEmpty()) {
      return null;
    }
    Location config = result.loaded() == null ? null : Location.of(result.loaded().name(), 0);
    List<String> reasons = new ArrayList<>();
    Instant now = Instant.now();
    Map<String, String> attributes = new java.util.HashMap<>(request.attributes());
    attributes.put("command", RunEnvironment.shellQuoted(request.command()));
    attributes.put("workdir", request.workDir().toAbsolutePath().normalize().toString());
    try (RunWriter writer =
        start(
            new RunStart(
                request.project(),
                "run",
                RunEnvironment.shellQuoted(request.command()),
                null,
                attributes,
                request.labels(),
                now,
                now))) {
      for (Check m : missing) {
        reasons.add(m.describe());
        writer.runError(
            new RunError(
                RunError.Kind.PREFLIGHT,
                m.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + m.name(),
                new Failure("", m.detail(), m.fix()),
                config));
      }
      return new Ran(writer.commit(RunStatus.BLOCKED), List.of(), reasons);
    }
  }

  private Ran store(
      Request request,
      RunnerAdapter adapter,
      Invocation invocation,
      CommandRunner.Outcome outcome,
      Instant before,
      Path stdoutCopy,
      Map<String, String> attributes,
      Long reserved) {
    ResultFiles.Found found = ResultFiles.find(invocation.results(), before, request.workDir());
    Timing.mark("result files found");
    Map<String, String> merged = new java.util.HashMap<>(attributes);
    RunEnvironment.reported(invocation.runtimeReports(), adapter.name(), request.workDir(), merged);
    merged.putAll(request.attributes()); // what the user says wins over what was detected
    attributes = merged;
    RunStart start =
        new RunStart(
            request.project(),
            "run",
            RunEnvironment.shellQuoted(request.command()),
            outcome.ran() ? outcome.exitCode() : null,
            attributes,
            request.labels(),
            outcome.started(),
            outcome.finished());
    List<Problem> problems = new ArrayList<>();
    try (RunWriter writer =
        reserved == null ? start(start) : stores.get().startRun(start, reserved)) {
      Timing.mark("writer started");
      IngestService.Read read =
          IngestService.read(writer, found.candidates(), null, IngestService.Progress.NONE);
      problems.addAll(read.problems());
      int filesRead = read.read();
      Timing.mark("results read");
      if (stdoutCopy != null && Files.exists(stdoutCopy)) {
        IngestService.Read stream =
            IngestService.read(
                writer,
                List.of(new InputFiles.Candidate(stdoutCopy, "(stdout)", true)),
                Format.byId(invocation.stdoutFormat()),
                IngestService.Progress.NONE);
        problems.addAll(stream.problems());
        filesRead += stream.read();
      }
      if (found.stale() > 0) {
        note(
            writer,
            problems,
            found.stale()
                + " result files older than this run were ignored (stale), e.g. "
                + found.firstStale());
      }
      List<String> tail = outcome.tail(200);
      if (filesRead == 0 && outcome.ran()) {
        adapter.testsFromOutput(outcome.lines()).forEach(writer::add);
        if (writer.counts().collected() == 0) {
          adapter.summarize(tail).ifPresent(summary -> useSummary(writer, problems, summary));
        }
        if (writer.counts().collected() == 0
            && invocation.results().isEmpty()
            && !invocation.stdoutIsResults()) {
          note(
              writer,
              problems,
              "no result files to read: "
                  + adapter.name()
                  + " writes none Evident knows; use --results GLOB");
        } else if (writer.counts().collected() == 0) {
          note(writer, problems, "no result file appeared");
        }
      }
      writer.log("stdout", outcome.stdout().text(), outcome.stdout().total());
      writer.log("stderr", outcome.stderr().text(), outcome.stderr().total());
      RunStatus status = RunStatuses.of(request, adapter, outcome, writer, tail);
      Ran ran = new Ran(writer.commit(status), problems, List.of());
      Timing.mark("run stored");
      return ran;
    }
  }

  private static void note(RunWriter writer, List<Problem> problems, String message) {
    Problem p = Problem.warning("", 0, message);
    writer.problem(p);
    problems.add(p);
  }

  private static void useSummary(RunWriter writer, List<Problem> problems, ConsoleSummary s) {
    writer.consoleCounts(Counts.of(s.passed(), s.failed(), s.errored(), s.skipped(), 0));
    note(
        writer,
        problems,
        "no result file appeared; counts taken from the runner's console summary: "
            + s.line().strip());
  }
}
