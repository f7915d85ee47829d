package dev.evident.store;

import dev.evident.model.Category;
import java.time.Instant;
import java.util.Objects;

/**
 * A label to store: a person's verdict on the cause of failures with one fingerprint.
 *
 * @param project the project; it must have runs
 * @param fingerprint the fingerprint id
 * @param cause the category
 * @param note what the person wrote, or empty
 * @param created when
 * @param sourceRun the run of the labelled failure, or null
 * @param sourceTestRef the labelled failure's test ref ({@link StoredFailure#testRef}), or null
 */
public record NewLabel(
    String project,
    String fingerprint,
    Category cause,
    String note,
    Instant created,
    Long sourceRun,
    Long sourceTestRef) {

  public NewLabel {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(cause, "cause");
    note = note == null ? "" : note.strip();
    Objects.requireNonNull(created, "created");
  }
}
