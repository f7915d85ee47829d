package dev.evident.service;

import dev.evident.model.SeenBefore;
import dev.evident.store.FailureIndex;
import dev.evident.store.FailureSigner;
import dev.evident.store.ResultStore;
import dev.evident.store.StoredFailure;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Past failures for the use cases that look back (diagnose, label): the failure index, caught up
 * with the store once per workspace before its first query. Not thread safe.
 */
final class FailureHistory implements AutoCloseable {

  private final ResultStore store;
  private final FailureIndex index;
  private final FailureSignatures signatures;
  private boolean caughtUp;

  FailureHistory(ResultStore store, FailureIndex index, FailureSignatures signatures) {
    this.store = store;
    this.index = index;
    this.signatures = signatures;
  }

  /** Indexes the runs stored since the last time, once per workspace. */
  void catchUp() {
    if (!caughtUp) {
      index.catchUp(store);
      caughtUp = true;
    }
  }

  /** The fingerprint, category and normalised text of a stored failure. */
  FailureSigner.Signature sign(StoredFailure failure, String runner) {
    return signatures.sign(failure, runner);
  }

  /** Where a failure or a similar one failed in the project's runs before {@code beforeRunId}. */
  Optional<SeenBefore> seenBefore(
      String project, String fingerprint, String text, long beforeRunId) {
    catchUp();
    return index.seenBefore(project, fingerprint, text, beforeRunId);
  }

  /** {@link #seenBefore} for several failures at once, in their order. */
  List<Optional<SeenBefore>> seenBefore(
      String project, List<FailureIndex.Lookup> failures, long beforeRunId) {
    catchUp();
    return index.seenBefore(project, failures, beforeRunId);
  }

  /** The project's fingerprints equal or similar to this one, with their similarity. */
  Map<String, Double> similar(String project, String fingerprint, String text) {
    catchUp();
    return index.similar(project, fingerprint, text, Long.MAX_VALUE);
  }

  /** Fingerprints in the history that start with a prefix, each with its latest occurrence. */
  List<FailureIndex.Occurrence> startingWith(String prefix, String project, int limit) {
    catchUp();
    return index.startingWith(prefix, project, limit);
  }

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * How output says it: {@code seen before in run 12 (7 times since 2026-11-02)}, the latest run
   * and in how many runs since the first; {@code seen before in run 12 (once, on 2026-11-02)}.
   */
  static String describe(SeenBefore seen) {
    String since =
        seen.runs() == 1
            ? "once, on " + DATE.format(seen.firstSeen())
            : seen.runs() + " times since " + DATE.format(seen.firstSeen());
    return "seen before in run " + seen.lastRun() + " (" + since + ")";
  }

  @Override
  public void close() {
    index.close();
  }
}
