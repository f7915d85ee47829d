package dev.evident.service;

/** What a request names is not there (or not in the project it may see): HTTP 404. */
public final class NotFoundException extends InputException {
  public NotFoundException(String message) {
    super(message);
  }
}
