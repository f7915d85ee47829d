package dev.evident.service;

import dev.evident.model.Category;
import dev.evident.model.CauseGroup;
import dev.evident.model.RunDiagnosis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next steps of a diagnosis: the remediation of each cause, equal remediations merged, ordered
 * by how many tests each would unblock. Errors that kept tests from running come first: fixing them
 * unblocks everything.
 */
final class NextSteps {

  /** Steps listed; the rest are in the groups. */
  static final int MAX = 10;

  private NextSteps() {}

  static List<RunDiagnosis.NextStep> of(
      List<CauseGroup> groups, List<RunDiagnosis.DiagnosedError> errors) {
    Map<String, Step> steps = new LinkedHashMap<>();
    for (RunDiagnosis.DiagnosedError e : errors) {
      String action = action(e.diagnosis().remediation(), e.diagnosis().category());
      Step step = steps.computeIfAbsent(action, Step::new);
      step.blocksRun = true;
      String scope = e.error().scope().strip();
      if (scope.isEmpty()) {
        step.wholeRun = true;
      } else if (!step.blocked.contains(scope)) {
        step.blocked.add(scope);
      }
    }
    for (CauseGroup g : groups) {
      String action = action(g.diagnosis().remediation(), g.category());
      Step step = steps.computeIfAbsent(action, Step::new);
      step.tests += g.count();
      step.groups.add(g.id());
    }
    List<Step> ordered = new ArrayList<>(steps.values());
    ordered.sort(
        Comparator.comparing((Step s) -> !s.blocksRun)
            .thenComparing(Comparator.comparingInt((Step s) -> s.tests).reversed()));
    List<RunDiagnosis.NextStep> next = new ArrayList<>();
    for (Step s : ordered.subList(0, Math.min(MAX, ordered.size()))) {
      next.add(
          new RunDiagnosis.NextStep(
              s.action, s.blocksRun ? -1 : s.tests, s.groups, s.wholeRun ? List.of() : s.blocked));
    }
    return next;
  }

  private static String action(String remediation, Category category) {
    if (!remediation.isBlank()) {
      return remediation.strip();
    }
    return switch (category) {
      case ASSERTION_FAILURE ->
          "fix the code under test or the expectation: the assertions say what differs";
      case FLAKY_NONDETERMINISM ->
          "make the test deterministic (order, timing, randomness) or quarantine it";
      default ->
          "investigate: read the failure and its output, then label the cause (evident label)";
    };
  }

  private static final class Step {
    final String action;
    final List<String> groups = new ArrayList<>();
    final List<String> blocked = new ArrayList<>();
    int tests;
    boolean blocksRun;
    boolean wholeRun;

    Step(String action) {
      this.action = action;
    }
  }
}
