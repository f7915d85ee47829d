package dev.evident.service;

/**
 * Where a server task is. Terminal states never change again. A task whose command ran to its end
 * is {@link #COMPLETED} whatever its tests did (failing tests are a FAILED run, not a failed task);
 * {@link #FAILED} is for harness errors: the command could not start, or ended without a run that
 * could be stored.
 */
public enum TaskState {
  /** Accepted, waiting for a free slot. */
  QUEUED,
  /** Claimed by a worker whose process is alive (its lease is renewed by heartbeats). */
  RUNNING,
  /** The command ended and its run is stored ({@link Task#runId()} set). */
  COMPLETED,
  /** A harness error: see {@link Task#message()}. */
  FAILED,
  /** Stopped at the suite's timeout; the results so far are stored as an INTERRUPTED run. */
  TIMED_OUT,
  /** Stopped on request. */
  CANCELLED,
  /** Its worker died or its server stopped, and it was not (or could no more be) handed back. */
  INTERRUPTED;

  public boolean terminal() {
    return this != QUEUED && this != RUNNING;
  }
}
