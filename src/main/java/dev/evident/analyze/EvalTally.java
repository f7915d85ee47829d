package dev.evident.analyze;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a group of samples (one model, one package) adds up to: outcomes with their denominators,
 * time, tokens and cost. Cost given in the data wins over cost computed from tokens; samples with
 * neither are counted apart, never priced by guess. Not thread safe.
 */
public final class EvalTally {

  private long samples;
  private long passed;
  private long failed;
  private long errored;
  private long skipped;
  private long micros;
  private long timed;
  private long input;
  private long output;
  private long cached;
  private long withTokens;
  private double givenCost;
  private long costGiven;
  private double computedCost;
  private long costComputed;
  private long noPrice;
  private long noTokens;
  private final Set<Long> runs = new TreeSet<>();
  private final Set<String> unpricedModels = new TreeSet<>();

  public long samples() {
    return samples;
  }

  public long passed() {
    return passed;
  }

  public long failed() {
    return failed;
  }

  public long errored() {
    return errored;
  }

  public long skipped() {
    return skipped;
  }

  public long micros() {
    return micros;
  }

  public long timed() {
    return timed;
  }

  public long input() {
    return input;
  }

  public long output() {
    return output;
  }

  public long cached() {
    return cached;
  }

  public long withTokens() {
    return withTokens;
  }

  public double givenCost() {
    return givenCost;
  }

  public long costGiven() {
    return costGiven;
  }

  public double computedCost() {
    return computedCost;
  }

  public long costComputed() {
    return costComputed;
  }

  public long noPrice() {
    return noPrice;
  }

  public long noTokens() {
    return noTokens;
  }

  public Set<Long> runs() {
    return java.util.Collections.unmodifiableSet(runs);
  }

  public Set<String> unpricedModels() {
    return java.util.Collections.unmodifiableSet(unpricedModels);
  }

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
