package dev.evident.service;

import dev.evident.analyze.Bucket;
import dev.evident.analyze.RunComparison;
import dev.evident.analyze.TestChange;
import dev.evident.model.Counts;
import dev.evident.model.FlakinessReport;
import dev.evident.model.Location;
import dev.evident.model.ProgressReport;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunDiagnosis;
import dev.evident.model.RunQuarantine;
import dev.evident.model.SuspectReport;
import dev.evident.report.ReportAnnotations;
import dev.evident.report.ReportJson;
import dev.evident.report.ReportMarkdown;
import dev.evident.report.StatusReport;
import dev.evident.report.StatusReport.BucketTests;
import dev.evident.report.StatusReport.Change;
import dev.evident.report.StatusReport.TestLine;
import dev.evident.store.ResultStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code evident report}: the status report of a run, assembled from the analyses that exist
 * (diagnosis, comparison with a baseline, flakiness, quarantine, suspicious tests, progress) and
 * the run's own results. Computes everything; the renderers only format.
 */
public final class ReportService {

  /** Runs the suspicious flags and the progress history look back over, the run included. */
  static final int HISTORY = 10;

  /** Tests listed per cause. */
  static final int TESTS_PER_CAUSE = 20;

  private final ResultStore store;
  private final Workspace workspace;
  private final Clock clock;

  ReportService(ResultStore store, Workspace workspace, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The report of a run.
   *
   * @param run the run
   * @param baseline a run reference for the baseline ({@code 12}, {@code branch:main}), or null for
   *     the previous run on the run's branch (else of its project)
   * @param config the project configuration (flaky settings, categories)
   * @param configName the file the configuration comes from, or null when there is none
   */
  public StatusReport report(Run run, String baseline, ProjectConfig config, String configName) {
    // The diagnosis is most of the work (it classifies every failure on all cores); the analyses
    // over history read only the store, which is thread safe: they run beside it, in order.
    ExecutorService beside =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "evident-report");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<RunScan> scan = beside.submit(() -> RunScan.of(store, run));
      Future<Change> change = beside.submit(() -> change(run, baseline));
      Future<FlakinessReport> flakiness =
          beside.submit(() -> workspace.flakiness().score(run.project(), config.flaky()));
      Future<SuspectReport> suspects = beside.submit(() -> workspace.suspects().find(run, HISTORY));
      Future<ProgressReport> progress =
          beside.submit(
              () ->
                  config.categories().isEmpty()
                      ? null
                      : workspace.progress().measure(run, config.categories(), HISTORY));
      RunDetail detail = store.detail(run.id(), 0);
      RunQuarantine quarantine = workspace.quarantine().inRun(run);
      RunDiagnosis diagnosis = workspace.diagnoses().diagnose(run, TESTS_PER_CAUSE, true);
      return ReportParts.assemble(
          clock.instant(),
          run,
          detail,
          quarantine,
          diagnosis,
          get(scan),
          skipReasons(run),
          get(change),
          get(flakiness),
          get(suspects),
          get(progress),
          configName);
    } finally {
      beside.shutdownNow();
    }
  }

  /** The value of an analysis that ran beside; its exception as it was thrown. */
  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reporting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private Change change(Run run, String reference) {
    Run base;
    String how;
    if (reference != null) {
      base = workspace.runs().baseline(reference, null, run);
      how = "run " + base.id() + ", given as --baseline " + reference;
    } else {
      String branch = run.branch();
      base = branch == null ? null : workspace.runs().previousOnBranch(run, branch);
      how = base == null ? "" : "the previous run on branch " + branch;
      if (base == null) {
        base = workspace.runs().previous(run);
        how =
            base == null
                ? "no earlier run of project " + run.project() + " to compare with"
                : "the previous run of project "
                    + run.project()
                    + (branch == null ? "" : " (no earlier run on branch " + branch + ")");
      }
    }
    if (base == null) {
      return new Change(null, how, Counts.ZERO, run.counts(), List.of(), List.of(run.id()));
    }
    RunComparison rc = workspace.compares().compare(base, run, false);
    Set<Long> newFailures = new HashSet<>();
    rc.comparison().tests(Bucket.NEW_FAILURE).forEach(t -> newFailures.add(t.test()));
    Map<Long, String> messages = new HashMap<>();
    Map<Long, Location> sources = Map.of();
    if (!newFailures.isEmpty()) {
      store.failures(
          run.id(),
          f -> {
            if (newFailures.contains(f.testRef())) {
              messages.put(f.testRef(), f.failure().firstLine());
            }
          });
      sources = store.failureSources(run.id());
    }
    List<BucketTests> buckets = new ArrayList<>();
    for (Bucket b : Bucket.values()) {
      List<TestLine> tests = new ArrayList<>();
      for (TestChange t : rc.ordered(b)) {
        tests.add(
            new TestLine(
                rc.test(t.test()).toString(),
                t.before(),
                t.after(),
                t.beforeMicros(),
                t.afterMicros(),
                b == Bucket.NEW_FAILURE ? sources.get(t.test()) : null,
                b == Bucket.NEW_FAILURE ? messages.getOrDefault(t.test(), "") : ""));
      }
      buckets.add(new BucketTests(b.key(), b.title(), tests));
    }
    return new Change(
        ReportParts.ref(base),
        how,
        rc.comparison().base(),
        rc.comparison().head(),
        buckets,
        List.of(base.id(), run.id()));
  }

  /** Skip reasons listed one by one; the rest are summed up in one line. */
  static final int SKIP_REASONS = 200;

  private List<StatusReport.SkipReason> skipReasons(Run run) {
    if (run.counts().skipped() == 0) {
      return List.of();
    }
    record Reason(String text, long count, long first) {}
    List<Reason> reasons = new ArrayList<>();
    long[] rest = new long[2];
    store.skipReasons(
        run.id(),
        (reason, count, first) -> {
          if (reasons.size() < SKIP_REASONS) {
            reasons.add(new Reason(reason.firstLine(), count, first));
          } else {
            rest[0] += count;
            rest[1]++;
          }
        });
    Map<Long, dev.evident.model.TestId> names =
        store.tests(reasons.stream().map(Reason::first).toList());
    List<StatusReport.SkipReason> skips = new ArrayList<>();
    for (Reason r : reasons) {
      var id = names.get(r.first());
      skips.add(new StatusReport.SkipReason(r.text(), r.count(), id == null ? "" : id.toString()));
    }
    if (rest[1] > 0) {
      skips.add(
          new StatusReport.SkipReason("(" + rest[1] + " more distinct reasons)", rest[0], ""));
    }
    return skips;
  }

  /** The default Markdown budget: below GitHub's 65,535 bytes for a step or check summary. */
  public static final int DEFAULT_MAX_BYTES = ReportMarkdown.DEFAULT_MAX_BYTES;

  /** GitHub workflow annotations ({@code ::error file=...,line=...::}) for the new failures. */
  public static String annotations(StatusReport report) {
    return ReportAnnotations.render(report);
  }

  /** The report as Markdown in at most {@code maxBytes} bytes (UTF-8). */
  public static String markdown(StatusReport report, int maxBytes) {
    return ReportMarkdown.render(report, maxBytes);
  }

  public static Map<String, Object> json(StatusReport report) {
    return ReportJson.of(report);
  }
}
