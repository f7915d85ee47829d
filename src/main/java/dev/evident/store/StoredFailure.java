package dev.evident.store;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.Objects;

/**
 * A failed, errored or flaky result of a stored run.
 *
 * @param run the run's id
 * @param testRef the store's reference of the test (stable across runs of its project)
 * @param test the test
 * @param outcome FAILED, ERRORED or FLAKY
 * @param failureId the id of the failure text (equal texts have equal ids), or 0 when none
 * @param failure the failure; for a flaky test, the failure of its failed attempt
 */
public record StoredFailure(
    long run, long testRef, TestId test, Outcome outcome, long failureId, Failure failure) {

  public StoredFailure {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
  }
}
