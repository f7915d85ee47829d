package dev.evident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's verdict on the cause of a failure, kept for its fingerprint: later failures with that
 * fingerprint, or a similar one, inherit it.
 *
 * @param id the store's id
 * @param project the project it applies to
 * @param fingerprint the fingerprint of the labelled failure (or of a group's representative)
 * @param cause the category the person chose
 * @param note what the person wrote, or empty
 * @param created when it was given
 * @param sourceRun the run of the failure it was given on, or null
 * @param sourceTest the test of that failure, or null
 */
public record FailureLabel(
    long id,
    String project,
    String fingerprint,
    Category cause,
    String note,
    Instant created,
    Long sourceRun,
    TestId sourceTest) {

  public FailureLabel {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(cause, "cause");
    note = note == null ? "" : note;
    Objects.requireNonNull(created, "created");
  }
}
