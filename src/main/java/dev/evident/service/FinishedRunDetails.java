package dev.evident.service;

import dev.evident.model.Failure;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunStatus;
import java.util.LinkedHashMap;
import java.util.function.LongFunction;

/**
 * The details of finished runs ({@code show --json}, the server's run page), kept after the first
 * read: a finished run's suites, failures, problems and files never change, so a page asked for
 * again costs no store read. Its row does change (labels, attributes): each answer carries the run
 * as read now, and an entry whose status, end or counts differ from the row's is read again. A run
 * still QUEUED or RUNNING is never kept. Bounded by the size of the failure texts held, least
 * recently used first out. Thread safe.
 */
final class FinishedRunDetails {

  /** Characters of failure text held at most, about 2 bytes each (64 MB). */
  static final long MAX_CHARS = 32L << 20;

  /** Detail that is not failure text (suites, rows, names), counted in characters per entry. */
  private static final long ENTRY_CHARS = 4_096;

  private final long maxChars;
  private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long chars;

  private record Entry(RunDetail detail, long chars) {}

  FinishedRunDetails(long maxChars) {
    this.maxChars = maxChars;
  }

  /**
   * The detail of {@code run}, with all its failures: kept, else read with {@code read} (given the
   * run id) and kept when the run is finished.
   */
  RunDetail of(Run run, LongFunction<RunDetail> read) {
    Entry kept;
    synchronized (this) {
      kept = entries.get(run.id());
    }
    if (kept != null && same(kept.detail().run(), run)) {
      RunDetail d = kept.detail();
      return new RunDetail(
          run, d.suites(), d.failures(), d.totalFailures(), d.problems(), d.runErrors(), d.files());
    }
    RunDetail detail = read.apply(run.id());
    if (finished(detail.run()) && same(detail.run(), run)) {
      keep(detail);
    }
    return detail;
  }

  /** How many runs are kept (for tests). */
  synchronized int size() {
    return entries.size();
  }

  private synchronized void keep(RunDetail detail) {
    long size = ENTRY_CHARS;
    for (RunDetail.FailedTest f : detail.failures()) {
      Failure failure = f.failure();
      size +=
          64 + failure.type().length() + failure.message().length() + failure.details().length();
    }
    if (size > maxChars) {
      return;
    }
    Entry old = entries.put(detail.run().id(), new Entry(detail, size));
    chars += size - (old == null ? 0 : old.chars());
    var oldest = entries.entrySet().iterator();
    while (chars > maxChars && oldest.hasNext()) {
      chars -= oldest.next().getValue().chars();
      oldest.remove();
    }
  }

  private static boolean finished(Run run) {
    return run.status() != RunStatus.RUNNING && run.status() != RunStatus.QUEUED;
  }

  /** The same stored run, unchanged in what its detail depends on. */
  private static boolean same(Run a, Run b) {
    return a.id() == b.id()
        && a.status() == b.status()
        && a.counts().equals(b.counts())
        && java.util.Objects.equals(a.created(), b.created())
        && java.util.Objects.equals(a.finished(), b.finished());
  }
}
