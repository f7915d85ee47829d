package dev.evident.model;

/** The outcome of one test in one run; see ARCHITECTURE.md, "Core semantics". */
public enum Outcome {
  PASSED,
  /** An assertion failed. */
  FAILED,
  /** An exception outside an assertion, or a setup/teardown error. */
  ERRORED,
  SKIPPED,
  /** Failed, then passed on a rerun in the same run. */
  FLAKY;

  /** Whether the test body ran: everything but {@link #SKIPPED}. */
  public boolean executed() {
    return this != SKIPPED;
  }

  /** Whether the outcome counts against the run: {@link #FAILED} or {@link #ERRORED}. */
  public boolean broken() {
    return this == FAILED || this == ERRORED;
  }
}
