package dev.evident.verify;

import dev.evident.model.Run;
import dev.evident.model.RunError;
import java.util.List;
import java.util.Objects;

/**
 * A stored run as evidence: the run (status, counts), every test's result, and the errors outside
 * tests.
 */
public record RunEvidence(Run run, List<TestEvidence> tests, List<RunError> runErrors) {

  public RunEvidence {
    Objects.requireNonNull(run, "run");
    tests = List.copyOf(tests);
    runErrors = List.copyOf(runErrors);
  }
}
