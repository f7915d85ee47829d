package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * Why a run's tests failed: the groups of failures that share a cause, ordered by how many tests
 * they affect (system-level causes first when they dominate), the errors outside tests with their
 * cause, and what to do next.
 *
 * @param run the run
 * @param failures how many failed, errored and flaky tests were diagnosed
 * @param groups the groups, by impact
 * @param runErrors the errors outside tests (collection, build, preflight) with their cause
 * @param environment a headline when most failures share one system-level cause, else empty
 * @param nextSteps what to do, ordered by how many tests each step would unblock
 */
public record RunDiagnosis(
    Run run,
    int failures,
    List<CauseGroup> groups,
    List<DiagnosedError> runErrors,
    String environment,
    List<NextStep> nextSteps) {

  public RunDiagnosis {
    Objects.requireNonNull(run, "run");
    groups = List.copyOf(groups);
    runErrors = List.copyOf(runErrors);
    environment = environment == null ? "" : environment;
    nextSteps = List.copyOf(nextSteps);
  }

  /** An error outside tests with its diagnosed cause. */
  public record DiagnosedError(RunError error, Diagnosis diagnosis) {
    public DiagnosedError {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(diagnosis, "diagnosis");
    }
  }

  /**
   * One thing to do.
   *
   * @param action what to do
   * @param tests how many tests it would unblock (-1: all of them, it blocks the run)
   * @param groups the ids of the groups it comes from
   * @param blocked with tests -1: the scopes of the errors that kept tests from running (a module,
   *     suite or package); empty when the whole run was blocked
   */
  public record NextStep(String action, int tests, List<String> groups, List<String> blocked) {
    public NextStep {
      Objects.requireNonNull(action, "action");
      groups = List.copyOf(groups);
      blocked = List.copyOf(blocked);
    }
  }
}
