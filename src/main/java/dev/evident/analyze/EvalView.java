package dev.evident.analyze;

import dev.evident.model.Run;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Samples of one or more evaluation runs added up: in total, by model, by package, and by model and
 * package.
 *
 * @param title what the samples are ("run 12", "project evals since 2026-11-01")
 * @param runs the runs the samples come from, newest first
 * @param total all samples
 * @param byModel by model name
 * @param byPackage by package
 * @param byModelPackage by model, then package
 * @param runByModel for a comparison by model: the run each model's samples come from
 * @param prices the price table used for computed costs
 */
public record EvalView(
    String title,
    List<Run> runs,
    EvalTally total,
    Map<String, EvalTally> byModel,
    Map<String, EvalTally> byPackage,
    Map<String, Map<String, EvalTally>> byModelPackage,
    Map<String, Long> runByModel,
    Prices prices) {

  public EvalView {
    Objects.requireNonNull(title, "title");
    runs = List.copyOf(runs);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(prices, "prices");
  }

  /** Adds up samples. */
  public static EvalView of(
      String title,
      List<Run> runs,
      List<EvalSample> samples,
      Map<String, Long> runByModel,
      Prices prices) {
    Map<String, Map<String, EvalTally>> byModelPackage = new java.util.TreeMap<>();
    EvalGroups.by(samples, EvalSample::model, prices)
        .keySet()
        .forEach(
            m ->
                byModelPackage.put(
                    m,
                    EvalGroups.by(
                        samples.stream()
                            .filter(s -> (s.model().isEmpty() ? "(none)" : s.model()).equals(m))
                            .toList(),
                        EvalSample::pkg,
                        prices)));
    return new EvalView(
        title,
        runs,
        EvalGroups.total(samples, prices),
        EvalGroups.by(samples, EvalSample::model, prices),
        EvalGroups.by(samples, EvalSample::pkg, prices),
        byModelPackage,
        runByModel,
        prices);
  }
}
