package dev.evident.store;

import dev.evident.model.Location;
import dev.evident.model.Problem;
import dev.evident.model.Severity;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What a run writer works out from suites and reports: merged suite infos, the run's span. */
final class SuiteInfos {

  private SuiteInfos() {}

  /** When a run started and finished. */
  record Span(Instant started, Instant finished) {}

  /**
   * The run's start and finish as the writer was told them, else the earliest suite start and the
   * latest suite end.
   */
  static Span span(RunStart start, Collection<SuiteResults> suites) {
    Instant started = start.started();
    Instant finished = start.finished();
    for (SuiteResults suite : suites) {
      SuiteInfo info = suite.info;
      if (info != null && info.started() != null) {
        Instant s = info.started();
        if (start.started() == null && (started == null || s.isBefore(started))) {
          started = s;
        }
        Instant end = info.duration() == null ? s : s.plus(info.duration());
        if (start.finished() == null && (finished == null || end.isAfter(finished))) {
          finished = end;
        }
      }
    }
    return new Span(started, finished);
  }

  /** A suite split over several files: earliest start, summed duration, both outputs kept. */
  static SuiteInfo merge(SuiteInfo a, SuiteInfo b) {
    Instant started =
        a.started() == null || (b.started() != null && b.started().isBefore(a.started()))
            ? b.started()
            : a.started();
    var duration =
        a.duration() == null
            ? b.duration()
            : b.duration() == null ? a.duration() : a.duration().plus(b.duration());
    Map<String, String> properties = new HashMap<>(a.properties());
    properties.putAll(b.properties());
    return new SuiteInfo(
        a.name(),
        started,
        duration,
        properties,
        a.stdout().isEmpty() ? b.stdout() : a.stdout(),
        a.stderr().isEmpty() ? b.stderr() : a.stderr());
  }

  /** Whether two reports of a test are the same execution (an aggregate file repeating it). */
  static boolean sameExecution(TestResult a, TestResult b) {
    return a.outcome() == b.outcome()
        && java.util.Objects.equals(a.duration(), b.duration())
        && a.failure().equals(b.failure())
        && a.stdout().equals(b.stdout())
        && a.attempts() == b.attempts();
  }

  static TestResult renamed(TestResult r, TestId id) {
    return new TestResult(
        id,
        r.outcome(),
        r.duration(),
        r.failure(),
        r.earlierAttempts(),
        r.stdout(),
        r.stderr(),
        r.source(),
        r.tags(),
        r.properties());
  }

  /** The warning for results that other input files reported again, each counted once. */
  static Problem repeatedReports(long count) {
    return new Problem(
        Location.of("", 0),
        Severity.WARNING,
        count
            + " test results were reported again by another input file with the same"
            + " outcome, duration and output (an aggregate report?); each was counted once");
  }
}
