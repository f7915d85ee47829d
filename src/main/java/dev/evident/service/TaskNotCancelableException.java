package dev.evident.service;

import dev.evident.model.EvidentException;

/** A cancel asked of a task that has already ended (HTTP 409). */
public final class TaskNotCancelableException extends EvidentException {
  public TaskNotCancelableException(String message) {
    super(message);
  }
}
