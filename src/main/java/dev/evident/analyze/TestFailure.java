package dev.evident.analyze;

import dev.evident.model.Diagnosis;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.Objects;

/**
 * A failed, errored or flaky test of a run with its diagnosis: what {@link FailureGrouper} groups.
 *
 * @param test the test
 * @param outcome its outcome
 * @param failure its failure
 * @param diagnosis what the classifier said about it
 */
public record TestFailure(TestId test, Outcome outcome, Failure failure, Diagnosis diagnosis) {

  public TestFailure {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(diagnosis, "diagnosis");
  }
}
