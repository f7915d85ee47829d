package dev.evident.mcp;

import dev.evident.model.EvidentException;

/** A tool was called with an argument it cannot use; the message says what to send instead. */
final class BadArgumentException extends EvidentException {
  BadArgumentException(String message) {
    super(message);
  }
}
