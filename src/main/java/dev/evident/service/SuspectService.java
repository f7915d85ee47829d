package dev.evident.service;

import dev.evident.analyze.Suspects;
import dev.evident.model.Run;
import dev.evident.model.SuspectReport;
import dev.evident.report.SuspectJson;
import dev.evident.report.SuspectText;
import dev.evident.store.ResultStore;
import java.util.Map;
import java.util.Objects;

/**
 * {@code evident suspicious}: what looks tested in a run but may not be, from the run and the runs
 * of its project before it.
 */
public final class SuspectService {

  private final ResultStore store;

  SuspectService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Flags a run.
   *
   * @param runs how many runs the history holds, the run included (skip streaks, skip ratio)
   */
  public SuspectReport find(Run run, int runs) {
    if (runs < 1) {
      throw new InputException("--runs must be at least 1; got " + runs);
    }
    Suspects.Settings defaults = Suspects.Settings.DEFAULT;
    Suspects.Settings settings =
        new Suspects.Settings(runs, defaults.instantMicros(), defaults.minRuns());
    return Suspects.find(
        store.runsUpTo(run.project(), run.id(), runs), new ResultsFromStore(store), settings);
  }

  /** The report as text, listing at most {@code perKind} flags of each kind (all are counted). */
  public static String text(SuspectReport report, int perKind) {
    return SuspectText.render(report, perKind);
  }

  public static Map<String, Object> json(SuspectReport report) {
    return SuspectJson.of(report);
  }
}
