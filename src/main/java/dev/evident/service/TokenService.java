package dev.evident.service;

import dev.evident.model.ApiToken;
import dev.evident.model.Scope;
import dev.evident.store.ServerStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens of {@code evident serve}: made with 32 random bytes, shown once, stored as their
 * SHA-256, checked in constant time. Thread safe.
 */
public final class TokenService {

  /** Every token starts with this, so that a leaked one is easy to recognise in logs and code. */
  public static final String PREFIX = "evt_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerStore store;
  private final Clock clock;

  public TokenService(ServerStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new token: {@code token} is the secret, shown this once; {@code stored} what is kept. */
  public record Created(String token, ApiToken stored) {}

  public Created create(String project, Set<Scope> scopes, String name) {
    if (project == null || project.isBlank()) {
      throw new InputException("a token needs a project (--project NAME)");
    }
    if (scopes.isEmpty()) {
      throw new InputException("a token needs at least one scope (read, ingest, run, admin)");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    ApiToken stored =
        new ApiToken(
            "tok_" + HexFormat.of().formatHex(id),
            project.strip(),
            name,
            scopes,
            hash(token),
            clock.instant(),
            null);
    store.addToken(stored);
    return new Created(token, stored);
  }

  /** The valid token a request presented, or empty when it is unknown or revoked. */
  public Optional<ApiToken> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = hash(token.strip());
    // The lookup is by the hash (an index), so timing reveals nothing about the secret; the compare
    // below is constant-time all the same, so that no code path compares secrets byte by byte.
    return store
        .tokenByHash(hash)
        .filter(
            t ->
                MessageDigest.isEqual(
                    t.hash().getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII)))
        .filter(t -> t.revoked() == null);
  }

  /** Tokens of a project, or of all when null. */
  public List<ApiToken> list(String project) {
    return store.tokens(project);
  }

  /** Revokes a token by id; false when there is no valid token with that id. */
  public boolean revoke(String id) {
    return store.revoke(id, clock.instant());
  }

  /** True when at least one valid token exists: the server then requires tokens. */
  public boolean enabled() {
    return store.anyValidToken();
  }

  public static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token as JSON, without its hash. */
  public static Map<String, Object> json(ApiToken token) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", token.id());
    json.put("project", token.project());
    json.put("name", token.name());
    json.put("scopes", token.scopes().stream().sorted().map(Scope::id).toList());
    json.put("created", token.created().toString());
    json.put("revoked", token.revoked() == null ? null : token.revoked().toString());
    return json;
  }
}
