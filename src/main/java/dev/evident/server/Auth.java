package dev.evident.server;

import dev.evident.model.ApiToken;
import dev.evident.model.Scope;
import dev.evident.service.TokenService;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a request comes from. Auth is skipped (single-user mode) only when the server is bound to a
 * loopback address, was not started with {@code --require-token}, and no valid token exists in its
 * database; otherwise every request needs {@code Authorization: Bearer TOKEN}: none or an unknown
 * or revoked one is 401, a valid one of another project or without the scope is 403.
 *
 * <p>Lookups are remembered for {@code ttl} (zero: never), so that a revoked token, or the first
 * token made while the server runs, takes effect within that time. Thread safe.
 */
final class Auth {

  private final TokenService tokens;
  private final boolean loopback;
  private final boolean requireTokens;
  private final long ttlNanos;
  private final Map<String, Cached<Optional<ApiToken>>> byToken = new ConcurrentHashMap<>();
  private volatile Cached<Boolean> enabled;

  private record Cached<T>(T value, long at) {}

  Auth(TokenService tokens, boolean loopback, boolean requireTokens, Duration ttl) {
    this.tokens = tokens;
    this.loopback = loopback;
    this.requireTokens = requireTokens;
    this.ttlNanos = ttl.toNanos();
  }

  /** True when requests need a token. */
  boolean required() {
    if (requireTokens || !loopback) {
      return true;
    }
    long now = System.nanoTime();
    Cached<Boolean> cached = enabled;
    if (cached == null || now - cached.at() >= ttlNanos) {
      cached = new Cached<>(tokens.enabled(), now);
      enabled = cached;
    }
    return cached.value();
  }

  /**
   * The caller of a request that needs {@code scope} on {@code project} (null: no project in the
   * route); throws 401 or 403.
   */
  Caller check(Context ctx, Scope scope, String project) {
    return check(ctx.header("Authorization"), scope, project);
  }

  /** As {@link #check(Context, Scope, String)}, for the Authorization header's value (or null). */
  Caller check(String header, Scope scope, String project) {
    if (!required()) {
      return Caller.SINGLE_USER;
    }
    if (header == null || header.isBlank()) {
      throw new HttpProblem(401, "this server requires a token: Authorization: Bearer TOKEN");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new HttpProblem(401, "the Authorization header must be: Bearer TOKEN");
    }
    ApiToken token =
        lookup(header.substring(7).strip())
            .orElseThrow(() -> new HttpProblem(401, "unknown or revoked token"));
    Caller caller = new Caller(token);
    if (project != null && !caller.sees(project)) {
      throw new HttpProblem(
          403, "token " + token.id() + " is for project " + token.project() + ", not " + project);
    }
    if (scope != null && !caller.may(scope)) {
      throw new HttpProblem(
          403,
          "token "
              + token.id()
              + " lacks the "
              + scope.id()
              + " scope (it has: "
              + String.join(", ", token.scopes().stream().sorted().map(Scope::id).toList())
              + ")");
    }
    return caller;
  }

  /** The valid token with this secret (cached like the header's), or empty. */
  Optional<ApiToken> token(String secret) {
    return lookup(secret);
  }

  private Optional<ApiToken> lookup(String secret) {
    if (ttlNanos == 0) {
      return tokens.authenticate(secret);
    }
    long now = System.nanoTime();
    String key = TokenService.hash(secret);
    Cached<Optional<ApiToken>> cached = byToken.get(key);
    if (cached == null || now - cached.at() >= ttlNanos) {
      if (byToken.size() > 10_000) {
        byToken.clear();
      }
      cached = new Cached<>(tokens.authenticate(secret), now);
      byToken.put(key, cached);
    }
    return cached.value();
  }
}
