package dev.evident.formats;

import dev.evident.model.Outcome;
import java.util.Locale;

/**
 * One TRX result element (UnitTestResult and its kin) while it is read, and what its outcome means.
 *
 * <p>Passed and PassedButRunAborted pass; Failed fails. Error, Timeout and Aborted are {@link
 * Outcome#ERRORED}: the test did not reach an assertion's verdict but was stopped by the framework
 * or the host. Disconnected and InProgress (the agent or host went away mid-test) and NotRunnable
 * (a test the framework cannot run: a defect, like NUnit's Failed:Invalid) are errored for the same
 * reason; counting them as skipped would hide a crash. NotExecuted, Inconclusive, Pending, Warning
 * (documented as a run-level outcome) and Completed are skipped: the test gave no verdict.
 */
final class TrxResult {
  final long line;
  final String testId;
  final String testName;
  final String executionId;
  final String parentExecutionId;
  final String outcome;
  final String duration;
  final String computerName;
  final String startTime;
  final boolean dataDriven;
  BoundedText stdout;
  BoundedText stderr;
  BoundedText message;
  BoundedText stackTrace;

  /** Rows (inner results) read inside this one: a data-driven summary or an ordered test. */
  int rows;

  TrxResult(XmlParse p, long line) {
    this.line = line;
    this.testId = p.attr("testId");
    String name = p.attr("testName");
    this.testName = name == null || name.isBlank() ? null : name;
    this.executionId = p.attr("executionId");
    this.parentExecutionId = p.attr("parentExecutionId");
    String outcome = p.attr("outcome");
    this.outcome = outcome == null ? "" : outcome.strip();
    this.duration = p.attr("duration");
    this.computerName = p.attr("computerName");
    this.startTime = p.attr("startTime");
    this.dataDriven = "DataDrivenTest".equalsIgnoreCase(p.attr("resultType"));
  }

  static Outcome outcome(String trxOutcome) {
    return switch (trxOutcome.toLowerCase(Locale.ROOT)) {
      case "passed", "passedbutrunaborted" -> Outcome.PASSED;
      case "failed" -> Outcome.FAILED;
      case "error", "timeout", "aborted", "disconnected", "inprogress", "notrunnable" ->
          Outcome.ERRORED;
      default -> Outcome.SKIPPED;
    };
  }

  /** Whether a skipped outcome is one TRX defines, rather than a value Evident does not know. */
  static boolean knownSkip(String trxOutcome) {
    return switch (trxOutcome.toLowerCase(Locale.ROOT)) {
      case "notexecuted", "inconclusive", "pending", "warning", "completed" -> true;
      default -> false;
    };
  }

  /** Outcomes worth a note on the result: all but the everyday Passed, Failed and NotExecuted. */
  boolean unusual() {
    return switch (outcome.toLowerCase(Locale.ROOT)) {
      case "passed", "failed", "notexecuted" -> false;
      default -> true;
    };
  }
}
