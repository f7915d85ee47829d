package dev.evident.store;

import dev.evident.model.EvidentException;

/** The store cannot be opened, read or written. */
public class StoreException extends EvidentException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
