package dev.evident.verify;

import java.util.List;
import java.util.Optional;

/**
 * What a report is checked against: the runs in scope (their results add up) and the baseline that
 * change claims start from.
 *
 * @param runs the runs in scope, oldest first; empty when the store has none
 * @param baseline the run before, for "from A to B" claims; null when there is none
 */
public record Evidence(List<RunEvidence> runs, RunEvidence baseline) {

  public static final Evidence NONE = new Evidence(List.of(), null);

  public Evidence {
    runs = List.copyOf(runs);
  }

  /** The latest run, the last of {@code runs}; null when there is none. */
  public RunEvidence latest() {
    return runs.isEmpty() ? null : runs.get(runs.size() - 1);
  }

  public Optional<RunEvidence> baselineRun() {
    return Optional.ofNullable(baseline);
  }

  /** The ids of the runs in scope, then the baseline's. */
  public List<Long> runIds() {
    List<Long> ids = new java.util.ArrayList<>(runs.stream().map(r -> r.run().id()).toList());
    if (baseline != null) {
      ids.add(baseline.run().id());
    }
    return ids;
  }
}
