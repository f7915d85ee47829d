package dev.evident.service;

import dev.evident.analyze.CauseTally;
import dev.evident.analyze.FlakinessScorer;
import dev.evident.analyze.HistoryRun;
import dev.evident.analyze.OutcomeHistory;
import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestId;
import dev.evident.report.FlakyJson;
import dev.evident.report.FlakyText;
import dev.evident.store.ResultStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code evident flaky}: scores every test of a project over a window of its newest runs (see
 * {@link FlakinessScorer}) and names the tests with evidence of flakiness.
 */
public final class FlakinessService {

  private final ResultStore store;

  FlakinessService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Scores the tests of a project.
   *
   * @param project the project, or null for the project of the newest run
   * @param settings the window and thresholds
   */
  public FlakinessReport score(String project, FlakySettings settings) {
    String name = Projects.resolve(store, project);
    List<Run> newestFirst = store.runs(name, settings.window());
    List<Run> window = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Run run = newestFirst.get(i);
      if (run.status() != RunStatus.QUEUED && run.status() != RunStatus.RUNNING) {
        window.add(run);
      }
    }
    OutcomeHistory history = new OutcomeHistory(window.size());
    List<HistoryRun> runs = new ArrayList<>(window.size());
    for (int i = 0; i < window.size(); i++) {
      int index = i;
      Run run = window.get(i);
      store.results(run.id(), (ref, outcome, micros) -> history.add(index, ref, outcome));
      runs.add(withCause(HistoryRun.of(run), settings));
    }
    FlakinessReport report = new FlakinessScorer(settings).report(name, runs, history);
    return named(report);
  }

  /**
   * A run most of whose tests failed gets the count of its most common failure cause: an outage
   * when most failures share it. Only such runs have their failure texts read.
   */
  private HistoryRun withCause(HistoryRun run, FlakySettings settings) {
    if (!run.outageCandidate(settings.outageShare())) {
      return run;
    }
    CauseTally tally = new CauseTally();
    store.failureCauses(run.id(), tally::add);
    return run.withCause(tally.topCount(), tally.topCause());
  }

  private FlakinessReport named(FlakinessReport report) {
    Map<Long, TestId> ids = store.tests(report.tests().stream().map(TestFlakiness::ref).toList());
    Map<String, String> quarantined = new HashMap<>();
    for (QuarantinedTest q : store.quarantined(report.project())) {
      quarantined.put(q.test(), q.reason());
    }
    List<TestFlakiness> tests = new ArrayList<>(report.tests().size());
    for (TestFlakiness t : report.tests()) {
      TestId id = ids.getOrDefault(t.ref(), new TestId("", "test " + t.ref()));
      tests.add(t.named(id, quarantined.get(id.toString())));
    }
    return new FlakinessReport(
        report.project(),
        report.settings(),
        report.runs(),
        report.outages(),
        tests,
        report.total(),
        report.byVerdict());
  }

  /** The text {@code evident flaky} prints; {@code all} lists recovered and watched tests too. */
  public static String text(FlakinessReport report, boolean all) {
    return FlakyText.render(report, all);
  }

  public static Map<String, Object> json(FlakinessReport report, boolean all) {
    return FlakyJson.of(report, all);
  }
}
