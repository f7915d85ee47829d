package dev.evident.service;

import dev.evident.analyze.ProjectTrend;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.report.ReportHtml;
import dev.evident.report.ReportPage;
import dev.evident.report.ReportPage.TestRow;
import dev.evident.report.ReportPage.TrendPoint;
import dev.evident.report.StatusReport;
import dev.evident.store.ResultStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The data the HTML report adds to the status report: the project's trend over the runs up to the
 * reported one (the trend analysis of {@code evident trend}, ending at that run) and every result
 * of the run with its test's name.
 */
public final class ReportPageService {

  /** Runs the HTML trend charts show by default, the reported run included. */
  public static final int DEFAULT_TREND_RUNS = 20;

  private final ResultStore store;

  ReportPageService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The trend of the last {@code trendRuns} runs of the run's project up to it, and its tests. */
  public ReportPage page(Run run, int trendRuns) {
    return new ReportPage(trend(run, trendRuns), tests(run));
  }

  /**
   * The trend charts (inline SVG) of the last {@code runs} runs of the run's project up to it, as
   * the HTML report draws them; for the server's web UI.
   */
  public String trendCharts(Run run, int runs) {
    return ReportHtml.trendCharts(trend(run, runs));
  }

  /** The report as one self-contained HTML page with the trend and every test. */
  public static String html(StatusReport report, ReportPage page) {
    return ReportHtml.render(report, page);
  }

  /**
   * Starts reading the page's data on a thread of its own, beside the status report (the store is
   * thread safe); {@link Pending#html} waits for it and renders the page.
   */
  public Pending start(Run run, int trendRuns) {
    FutureTask<ReportPage> task = new FutureTask<>(() -> page(run, trendRuns));
    Thread thread = new Thread(task, "evident-report-page");
    thread.setDaemon(true);
    thread.start();
    return new Pending(task);
  }

  /** The page's data being read. */
  public static final class Pending {
    private final FutureTask<ReportPage> task;

    private Pending(FutureTask<ReportPage> task) {
      this.task = task;
    }

    /** The report as HTML, once the page's data is read; that reading's exception as thrown. */
    public String html(StatusReport report) {
      try {
        return ReportHtml.render(report, task.get());
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
  }

  List<TrendPoint> trend(Run run, int runs) {
    ProjectTrend.Builder builder = new ProjectTrend.Builder(run.project());
    for (Run r : store.runsUpTo(run.project(), run.id(), runs)) {
      builder.run(r);
      store.results(r.id(), builder::add);
    }
    List<TrendPoint> points = new ArrayList<>();
    for (ProjectTrend.RunPoint p : builder.build(false, 0).runs()) {
      points.add(new TrendPoint(p.run().id(), p.run().status(), p.run().counts(), p.testMicros()));
    }
    return points;
  }

  List<TestRow> tests(Run run) {
    Map<Long, String> names = new HashMap<>();
    store.tests(run.project(), (ref, id) -> names.put(ref, id.toString()));
    List<TestRow> rows = new ArrayList<>();
    store.results(
        run.id(),
        (ref, outcome, micros) -> {
          String name = names.get(ref);
          rows.add(
              new TestRow(
                  name != null ? name : new TestId("", "test #" + ref).toString(),
                  outcome,
                  micros));
        });
    return rows;
  }
}
