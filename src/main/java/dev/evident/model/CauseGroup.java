package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * Failures of one run that share a cause, as {@code evident diagnose} reports them.
 *
 * @param id the group id (a fingerprint; {@code evident label} takes a prefix of it)
 * @param diagnosis the cause: category, confidence, evidence, entities, remediation (a person's
 *     label, when one applies, replaces the category)
 * @param message the most common first line of the failures' messages
 * @param count how many tests fail this way
 * @param tests the tests, at most as many as were asked for
 * @param seen where this failure (or a similar one) failed in earlier runs, or null
 * @param label the person's label it has or inherits, or null
 * @param labelSource how the label reached it ("labelled by a person on run 12: ..."), or empty
 */
public record CauseGroup(
    String id,
    Diagnosis diagnosis,
    String message,
    int count,
    List<TestId> tests,
    SeenBefore seen,
    FailureLabel label,
    String labelSource) {

  public CauseGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(message, "message");
    tests = List.copyOf(tests);
    labelSource = labelSource == null ? "" : labelSource;
  }

  public Category category() {
    return diagnosis.category();
  }
}
