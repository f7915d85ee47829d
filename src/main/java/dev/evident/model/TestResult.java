package dev.evident.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one test in one run.
 *
 * @param id the test's identity
 * @param outcome the final outcome
 * @param duration the duration of the final attempt, or null when the format gives none or an
 *     invalid one
 * @param failure why it failed, errored or was skipped; {@link Failure#NONE} otherwise
 * @param earlierAttempts attempts before the final one (reruns), oldest first; empty for most tests
 * @param stdout the test's standard output, bounded
 * @param stderr the test's standard error, bounded
 * @param source where the test is defined (file and line), or null when the format does not say
 * @param tags tags or markers
 * @param properties properties the format attached to the test
 */
public record TestResult(
    TestId id,
    Outcome outcome,
    Duration duration,
    Failure failure,
    List<Attempt> earlierAttempts,
    Excerpt stdout,
    Excerpt stderr,
    Location source,
    List<String> tags,
    Map<String, String> properties) {

  public TestResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
    earlierAttempts = List.copyOf(earlierAttempts);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    tags = List.copyOf(tags);
    properties = Map.copyOf(properties);
  }

  /** A result with no failure, output or metadata. */
  public static TestResult of(TestId id, Outcome outcome, Duration duration) {
    return new TestResult(
        id,
        outcome,
        duration,
        Failure.NONE,
        List.of(),
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        null,
        List.of(),
        Map.of());
  }

  /** A result like this one with another outcome and failure. */
  public TestResult with(Outcome newOutcome, Failure newFailure) {
    return new TestResult(
        id,
        newOutcome,
        duration,
        newFailure,
        earlierAttempts,
        stdout,
        stderr,
        source,
        tags,
        properties);
  }

  public int attempts() {
    return earlierAttempts.size() + 1;
  }

  /** Whether this result carries anything beyond outcome and duration. */
  public boolean hasDetails() {
    return !failure.isEmpty()
        || !earlierAttempts.isEmpty()
        || !stdout.isEmpty()
        || !stderr.isEmpty()
        || source != null
        || !tags.isEmpty()
        || !properties.isEmpty();
  }

  /**
   * Merges a repeated report of the same test in one run: this result becomes an earlier attempt of
   * {@code later}. A test that failed and later passed is {@link Outcome#FLAKY}; one that passed
   * and later failed keeps the failure, with the pass kept as an attempt.
   */
  public TestResult followedBy(TestResult later) {
    if (!later.id.equals(id)) {
      throw new IllegalArgumentException("not the same test: " + id + " vs " + later.id);
    }
    var attempts = new java.util.ArrayList<Attempt>(earlierAttempts);
    attempts.add(new Attempt(outcome, duration, failure));
    attempts.addAll(later.earlierAttempts);
    Outcome merged = later.outcome;
    boolean anyFailed =
        attempts.stream().anyMatch(a -> a.outcome().broken() || a.outcome() == Outcome.FLAKY);
    if ((later.outcome == Outcome.PASSED || later.outcome == Outcome.FLAKY) && anyFailed) {
      merged = Outcome.FLAKY;
    } else if (later.outcome == Outcome.SKIPPED && outcome != Outcome.SKIPPED) {
      // A skipped repeat does not hide an earlier executed outcome.
      return new TestResult(
          id,
          outcome,
          duration,
          failure,
          earlierAttempts,
          stdout,
          stderr,
          source,
          tags,
          properties);
    }
    Failure keptFailure = later.failure;
    if (merged == Outcome.FLAKY && keptFailure.isEmpty()) {
      for (int i = attempts.size() - 1; i >= 0; i--) {
        if (!attempts.get(i).failure().isEmpty()) {
          keptFailure = attempts.get(i).failure();
          break;
        }
      }
    }
    return new TestResult(
        id,
        merged,
        later.duration,
        keptFailure,
        attempts,
        later.stdout.isEmpty() ? stdout : later.stdout,
        later.stderr.isEmpty() ? stderr : later.stderr,
        later.source != null ? later.source : source,
        later.tags.isEmpty() ? tags : later.tags,
        later.properties.isEmpty() ? properties : later.properties);
  }
}
