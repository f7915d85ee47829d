package dev.evident.service;

/** An arbitrary command asked of a server that does not allow them (HTTP 403). */
public final class CommandsNotAllowedException extends dev.evident.model.EvidentException {
  public CommandsNotAllowedException(String message) {
    super(message);
  }
}
