package dev.evident.server;

import dev.evident.model.ApiToken;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web UI sessions when the server requires tokens: a token entered on the login page becomes a
 * random session id in an HttpOnly, SameSite=Strict cookie; the token itself stays on the server.
 * Every request looks the token up again (through {@link Auth}'s cache), so a revoked token ends
 * its sessions. Sessions live in memory: a restart signs everyone out. Thread safe.
 */
final class UiSessions {

  static final String COOKIE = "evident_session";
  private static final Duration TTL = Duration.ofHours(12);
  private static final int MAX = 10_000;

  private final Auth auth;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  private record Session(String secret, long expiresNanos) {}

  UiSessions(Auth auth) {
    this.auth = auth;
  }

  /** True when pages need a signed-in caller. */
  boolean required() {
    return auth.required();
  }

  /** The caller of a page request, or empty when a login is needed. */
  Optional<Caller> caller(Context ctx) {
    if (!auth.required()) {
      return Optional.of(Caller.SINGLE_USER);
    }
    String id = ctx.cookie(COOKIE);
    Session session = id == null ? null : sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - session.expiresNanos() > 0) {
      sessions.remove(id);
      return Optional.empty();
    }
    Optional<ApiToken> token = auth.token(session.secret());
    if (token.isEmpty()) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(new Caller(token.get()));
  }

  /** Starts a session for a valid token and sets its cookie; empty when the token is not valid. */
  Optional<ApiToken> login(Context ctx, String secret) {
    Optional<ApiToken> token = secret == null ? Optional.empty() : auth.token(secret.strip());
    if (token.isEmpty()) {
      return token;
    }
    if (sessions.size() >= MAX) {
      long now = System.nanoTime();
      sessions.values().removeIf(s -> now - s.expiresNanos() > 0);
      if (sessions.size() >= MAX) {
        sessions.clear();
      }
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(id, new Session(secret.strip(), System.nanoTime() + TTL.toNanos()));
    cookie(ctx, id, TTL.toSeconds());
    return token;
  }

  void logout(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null) {
      sessions.remove(id);
    }
    cookie(ctx, "", 0);
  }

  private static void cookie(Context ctx, String value, long maxAgeSeconds) {
    boolean https = "https".equalsIgnoreCase(ctx.scheme());
    ctx.res()
        .addHeader(
            "Set-Cookie",
            COOKIE
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : ""));
  }
}
