package dev.evident.model;

/**
 * Why a test failed, errored or was skipped, as the format reported it.
 *
 * @param type the exception or failure type; empty when not given
 * @param message the message; empty when not given
 * @param details the stack trace or other details (bounded: head and tail of long texts)
 */
public record Failure(String type, String message, String details) {

  public static final Failure NONE = new Failure("", "", "");

  public Failure {
    type = type == null ? "" : type;
    message = message == null ? "" : message;
    details = details == null ? "" : details;
  }

  public boolean isEmpty() {
    return type.isEmpty() && message.isEmpty() && details.isEmpty();
  }

  /** The first non-blank line of the message, or of the details when there is no message. */
  public String firstLine() {
    String text = message.isBlank() ? details : message;
    for (String line : text.split("\\R", -1)) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }
}
