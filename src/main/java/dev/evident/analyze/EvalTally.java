package dev.evident.analyze;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a group of samples (one model, one package) adds up to: outcomes with their denominators,
 * time, tokens and cost. Cost given in the data wins over cost computed from tokens; samples with
 * neither are counted apart, never priced by guess. Not thread safe.
 */
public final class EvalTally {

  public long samples;
  public long passed;
  public long failed;
  public long errored;
  public long skipped;
  public long micros;
  public long timed;
  public long input;
  public long output;
  public long cached;
  public long withTokens;
  public double givenCost;
  public long costGiven;
  public double computedCost;
  public long costComputed;
  public long noPrice;
  public long noTokens;
  public final Set<Long> runs = new TreeSet<>();
  public final Set<String> unpricedModels = new TreeSet<>();

  void add(EvalSample s, Prices prices) {
    samples++;
    runs.add(s.runId());
    switch (s.outcome()) {
      case PASSED -> passed++;
      case FAILED -> failed++;
      case ERRORED -> errored++;
      case SKIPPED -> skipped++;
      case FLAKY -> passed++;
    }
    if (s.micros() >= 0) {
      micros += s.micros();
      timed++;
    }
    if (s.hasTokens()) {
      withTokens++;
      input += Math.max(0, s.input());
      output += Math.max(0, s.output());
      cached += Math.max(0, s.cached());
    }
    if (s.costUsd() != null) {
      givenCost += s.costUsd();
      costGiven++;
      return;
    }
    var computed = prices.cost(s);
    if (computed.isPresent()) {
      computedCost += computed.get();
      costComputed++;
    } else if (prices.of(s.model()).isEmpty()) {
      noPrice++;
      unpricedModels.add(s.model().isEmpty() ? "(no model)" : s.model());
    } else {
      noTokens++;
    }
  }

  /** Samples that executed: all but the skipped. */
  public long executed() {
    return samples - skipped;
  }

  public double cost() {
    return givenCost + computedCost;
  }

  /** Where the cost comes from: {@code data}, {@code computed}, both, or {@code none}. */
  public String costSource() {
    if (costGiven > 0 && costComputed > 0) {
      return "data " + costGiven + ", computed " + costComputed;
    }
    return costGiven > 0 ? "data" : costComputed > 0 ? "computed" : "none";
  }
}
