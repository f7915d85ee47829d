package dev.evident.analyze;

import dev.evident.model.Run;
import dev.evident.model.Suspicion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a run skipped a much larger share of its tests than the runs before it: at least twice
 * the median share, 5 percentage points more, and 3 tests more than that share of the run would be.
 * Runs that collected nothing are left out of the median.
 */
final class SkipRatio {

  static final double FACTOR = 2.0;
  static final double POINTS = 0.05;
  static final long TESTS = 3;

  private SkipRatio() {}

  /**
   * The flag for the newest run of {@code history} (newest first), when its share of skipped tests
   * jumped; empty when it did not or fewer than {@code minRuns} runs came before it.
   */
  static Optional<Suspicion> jump(List<Run> history, int minRuns) {
    Run run = history.get(0);
    long skipped = run.counts().skipped();
    long collected = run.counts().collected();
    List<Run> before = new ArrayList<>();
    for (Run r : history.subList(1, history.size())) {
      if (r.counts().collected() > 0) {
        before.add(r);
      }
    }
    if (collected == 0 || before.size() < minRuns) {
      return Optional.empty();
    }
    List<Run> byShare = new ArrayList<>(before);
    byShare.sort(Comparator.comparingDouble(SkipRatio::share).thenComparingLong(Run::id));
    Run median = byShare.get((byShare.size() - 1) / 2);
    double share = (double) skipped / collected;
    double usual = share(median);
    boolean jumped =
        share >= FACTOR * usual && share - usual >= POINTS && skipped - usual * collected >= TESTS;
    if (!jumped) {
      return Optional.empty();
    }
    long first = before.get(before.size() - 1).id();
    long last = before.get(0).id();
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("skipped", skipped);
    figures.put("collected", collected);
    figures.put("medianSkipped", median.counts().skipped());
    figures.put("medianCollected", median.counts().collected());
    figures.put("medianRun", median.id());
    figures.put("runsBefore", (long) before.size());
    figures.put("firstRun", first);
    figures.put("lastRun", last);
    return Optional.of(
        new Suspicion(
            Suspicion.Kind.SKIP_RATIO_JUMP,
            "",
            null,
            "skipped "
                + Words.share(skipped, collected)
                + " vs "
                + Words.share(median.counts().skipped(), median.counts().collected())
                + " in run "
                + median.id()
                + ", the median of the "
                + Words.count(before.size(), "run", "runs")
                + " before it ("
                + Words.runs(first, last)
                + ")",
            figures));
  }

  private static double share(Run r) {
    return (double) r.counts().skipped() / r.counts().collected();
  }
}
