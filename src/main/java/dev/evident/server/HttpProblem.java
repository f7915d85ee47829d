package dev.evident.server;

import dev.evident.model.EvidentException;

/** An error answered with a status and a JSON body {@code {"status": .., "error": ..}}. */
final class HttpProblem extends EvidentException {

  private final int status;

  HttpProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpProblem badRequest(String message) {
    return new HttpProblem(400, message);
  }

  static HttpProblem tooLarge(String message) {
    return new HttpProblem(413, message);
  }
}
