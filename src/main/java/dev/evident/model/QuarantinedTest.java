package dev.evident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A test a person put in quarantine: its failures are known and expected until it is fixed. Runs
 * keep their true status; {@code run}, {@code ingest} and {@code show} mark its failures and
 * forgive them in the exit code.
 *
 * @param project the project
 * @param test the test as {@code show} prints it: {@code Suite > name[params]}
 * @param reason why, as the person wrote it; may be empty
 * @param since when it was put in quarantine
 */
public record QuarantinedTest(String project, String test, String reason, Instant since) {

  public QuarantinedTest {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(test, "test");
    reason = reason == null ? "" : reason.strip();
    Objects.requireNonNull(since, "since");
  }
}
