package dev.evident.model;

/** The status of a run; see ARCHITECTURE.md, "Core semantics". */
public enum RunStatus {
  PASSED,
  FAILED,
  /** Tests could not execute: collection or setup errors, runner crash. */
  BROKEN,
  /** A preflight requirement failed; nothing was run. */
  BLOCKED,
  /** No test executed. Never {@link #PASSED}. */
  EMPTY,
  /** Timeout, cancel, or the process died. */
  INTERRUPTED,
  QUEUED,
  RUNNING;

  /**
   * The status that a finished set of results has on its own.
   *
   * @param counts the counted test results
   * @param runErrors errors outside any test (collection, build, suite setup)
   */
  public static RunStatus of(Counts counts, int runErrors) {
    if (counts.executed() == 0) {
      return runErrors > 0 ? BROKEN : EMPTY;
    }
    if (counts.failed() + counts.errored() > 0 || runErrors > 0) {
      return FAILED;
    }
    return PASSED;
  }
}
