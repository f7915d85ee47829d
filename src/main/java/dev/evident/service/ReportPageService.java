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

  /** The report as one self-contained HTML page with the trend and every test. */
  public static String html(StatusReport report, ReportPage page) {
    return ReportHtml.render(report, page);
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
