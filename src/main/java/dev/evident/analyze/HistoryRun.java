package dev.evident.analyze;

import dev.evident.model.Run;
import java.time.Instant;
import java.util.Objects;

/**
 * What flakiness scoring needs to know of one run of a window.
 *
 * @param id the run id
 * @param at when its tests started, else when it was stored
 * @param commit the commit it tested, or null when unknown or when the tree had uncommitted changes
 * @param executed its executed tests
 * @param broken its failed and errored tests
 * @param sharedCause how many of those share the most common cause; 0 when not looked at
 * @param cause that cause's first line, or empty
 */
public record HistoryRun(
    long id,
    Instant at,
    String commit,
    long executed,
    long broken,
    long sharedCause,
    String cause) {

  public HistoryRun {
    Objects.requireNonNull(at, "at");
    cause = cause == null ? "" : cause;
  }

  /** A stored run, before its failures' causes are looked at. */
  public static HistoryRun of(Run run) {
    return new HistoryRun(
        run.id(),
        run.started() != null ? run.started() : run.created(),
        commitOf(run),
        run.counts().executed(),
        run.counts().failed() + run.counts().errored(),
        0,
        "");
  }

  /** The same run with the most common cause of its failures. */
  public HistoryRun withCause(long count, String firstLine) {
    return new HistoryRun(id, at, commit, executed, broken, count, firstLine);
  }

  /**
   * The commit a run tested: the {@code git.commit} that {@code evident run} records, else a {@code
   * commit} or {@code git.commit} label given at ingest; null when there is none, or when the work
   * tree had uncommitted changes (then the code was not that commit's).
   */
  public static String commitOf(Run run) {
    if ("true".equals(run.attributes().get("git.dirty"))) {
      return null;
    }
    for (String commit :
        new String[] {
          run.attributes().get("git.commit"),
          run.labels().get("commit"),
          run.labels().get("git.commit")
        }) {
      if (commit != null && !commit.isBlank()) {
        return commit.strip();
      }
    }
    return null;
  }

  /**
   * Whether a run is an outage: more than {@code share} of its executed tests failed or errored and
   * at least half of those failures share one cause. An outage says nothing about single tests.
   */
  public boolean outage(double share) {
    return executed > 0 && broken > share * executed && 2 * sharedCause > broken;
  }

  /** Whether the causes of its failures are worth looking at: enough of its tests failed. */
  public boolean outageCandidate(double share) {
    return executed > 0 && broken > share * executed;
  }
}
