package dev.evident.service;

import dev.evident.model.EvidentException;

/** The inputs a user named cannot be used: missing, matching nothing, or none of them readable. */
public class InputException extends EvidentException {
  public InputException(String message) {
    super(message);
  }
}
