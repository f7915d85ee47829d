package dev.evident.cli;

import dev.evident.model.EvidentException;

/** A report could not be written where the user asked (--output, $GITHUB_STEP_SUMMARY). */
final class ReportOutputException extends EvidentException {
  ReportOutputException(String message) {
    super(message);
  }
}
