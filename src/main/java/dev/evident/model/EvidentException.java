package dev.evident.model;

/**
 * The root of Evident's exceptions. Messages name the thing that failed and what to do, in one line
 * a user can act on.
 */
public class EvidentException extends RuntimeException {
  public EvidentException(String message) {
    super(message);
  }

  public EvidentException(String message, Throwable cause) {
    super(message, cause);
  }
}
