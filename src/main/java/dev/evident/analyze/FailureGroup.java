package dev.evident.analyze;

import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.model.SeenBefore;
import dev.evident.model.TestId;
import java.util.List;
import java.util.Objects;

/**
 * Failures that share a cause: the same fingerprint, or near duplicates of the group's first
 * fingerprint (its representative).
 *
 * @param id the representative fingerprint's id; {@code evident label} takes a prefix of it
 * @param category the category most of the failures have
 * @param diagnosis the most confident diagnosis with that category
 * @param message the most common first line of the failures' messages
 * @param text the representative's normalised text, to look the group up in history
 * @param fingerprints the ids of every fingerprint in the group, representative first
 * @param failures the failures, in the order they were given
 * @param seen where the group was seen in earlier runs, or null when not known (yet)
 */
public record FailureGroup(
    String id,
    Category category,
    Diagnosis diagnosis,
    String message,
    String text,
    List<String> fingerprints,
    List<TestFailure> failures,
    SeenBefore seen) {

  public FailureGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(text, "text");
    fingerprints = List.copyOf(fingerprints);
    failures = List.copyOf(failures);
  }

  /** How many tests fail this way. */
  public int count() {
    return failures.size();
  }

  public List<TestId> tests() {
    return failures.stream().map(TestFailure::test).toList();
  }

  /** This group with its history filled in. */
  public FailureGroup withSeen(SeenBefore history) {
    return new FailureGroup(
        id, category, diagnosis, message, text, fingerprints, failures, history);
  }
}
