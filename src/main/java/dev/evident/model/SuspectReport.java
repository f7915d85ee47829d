package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * What looks tested in a run but may not be.
 *
 * @param run the run
 * @param history the runs the history flags are computed over, newest first, starting with {@code
 *     run}
 * @param suspicions the flags: the run first, then suites, then tests
 * @param notes what was checked and what could not be, in words ("no durations reported: ...")
 */
public record SuspectReport(
    Run run, List<Run> history, List<Suspicion> suspicions, List<String> notes) {

  public SuspectReport {
    Objects.requireNonNull(run, "run");
    history = List.copyOf(history);
    suspicions = List.copyOf(suspicions);
    notes = List.copyOf(notes);
  }

  /** How many flags of a kind there are. */
  public long count(Suspicion.Kind kind) {
    return suspicions.stream().filter(s -> s.kind() == kind).count();
  }
}
