package dev.evident.analyze;

/**
 * Everything known about one failure, for classification. Empty strings where a part is unknown.
 *
 * @param runner the runner or format that reported it ({@code pytest}, {@code maven}, {@code go},
 *     {@code jest}, {@code cargo}, {@code junit}, ...), or empty
 * @param type the exception or failure type
 * @param message the failure message
 * @param details the stack trace or other details
 * @param stdout the test's standard output
 * @param stderr the test's standard error
 * @param console the run's console output around collection or compile errors (for run errors)
 */
public record FailureInput(
    String runner,
    String type,
    String message,
    String details,
    String stdout,
    String stderr,
    String console) {

  public FailureInput {
    runner = runner == null ? "" : runner;
    type = type == null ? "" : type;
    message = message == null ? "" : message;
    details = details == null ? "" : details;
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    console = console == null ? "" : console;
  }

  /** A failure known only by one text (a log, a message), as {@code evident classify} reads it. */
  public static FailureInput ofText(String runner, String text) {
    return new FailureInput(runner, "", "", text, "", "", "");
  }
}
