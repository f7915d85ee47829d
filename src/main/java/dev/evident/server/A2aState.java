package dev.evident.server;

import dev.evident.service.TaskState;

/**
 * The A2A task states Evident uses, and how a server task's state maps to them: a run whose tests
 * fail is still COMPLETED (the failures are in the report artifact); FAILED is for harness errors,
 * a timeout, or a task whose worker died.
 */
enum A2aState {
  SUBMITTED,
  WORKING,
  COMPLETED,
  FAILED,
  CANCELED,
  REJECTED;

  boolean terminal() {
    return this != SUBMITTED && this != WORKING;
  }

  static A2aState of(TaskState state) {
    return switch (state) {
      case QUEUED -> SUBMITTED;
      case RUNNING -> WORKING;
      case COMPLETED -> COMPLETED;
      case CANCELLED -> CANCELED;
      case FAILED, TIMED_OUT, INTERRUPTED -> FAILED;
    };
  }

  /** A state as a client names it in a ListTasks filter, in either version's spelling. */
  static A2aState parse(String text) {
    String s = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    if (s.startsWith("TASK_STATE_")) {
      s = s.substring("TASK_STATE_".length());
    }
    if (s.equals("CANCELLED")) {
      s = "CANCELED";
    }
    try {
      return valueOf(s);
    } catch (IllegalArgumentException e) {
      throw A2aError.invalidParams(
          "unknown task state "
              + text
              + " (submitted, working, completed, failed, canceled, rejected; or"
              + " TASK_STATE_COMPLETED, ...)");
    }
  }
}
