package dev.evident.model;

import java.time.Duration;
import java.util.Objects;

/**
 * An earlier attempt of a test within one run: a rerun that failed before the final result, as
 * Surefire's flakyFailure/rerunFailure or a repeated test case report it.
 *
 * @param outcome the attempt's outcome
 * @param duration its duration, or null when unknown
 * @param failure why it failed; {@link Failure#NONE} when it passed
 */
public record Attempt(Outcome outcome, Duration duration, Failure failure) {
  public Attempt {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
  }
}
