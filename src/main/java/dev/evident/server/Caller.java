package dev.evident.server;

import dev.evident.model.ApiToken;
import dev.evident.model.Scope;

/**
 * Who is calling: a token (one project, its scopes), or the single user of a loopback server with
 * no tokens, who may do everything.
 *
 * @param token the token, or null for the single user
 */
record Caller(ApiToken token) {

  static final Caller SINGLE_USER = new Caller(null);

  boolean singleUser() {
    return token == null;
  }

  /** True when the caller may act on this project. */
  boolean sees(String project) {
    return token == null || token.project().equals(project);
  }

  boolean may(Scope scope) {
    return token == null || token.allows(scope);
  }

  /** The one project a token sees, or null for the single user (every project). */
  String project() {
    return token == null ? null : token.project();
  }
}
