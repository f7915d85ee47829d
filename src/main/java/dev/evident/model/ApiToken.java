package dev.evident.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API token of {@code evident serve} as stored: never the token itself, only its hash.
 *
 * @param id a short public id, to list and revoke the token by
 * @param project the one project the token may use
 * @param name what the token is for (free text, may be empty)
 * @param scopes what it may do there
 * @param hash the SHA-256 of the token, hex
 * @param created when it was made
 * @param revoked when it was revoked, or null while it is valid
 */
public record ApiToken(
    String id,
    String project,
    String name,
    Set<Scope> scopes,
    String hash,
    Instant created,
    Instant revoked) {

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(project, "project");
    name = name == null ? "" : name;
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(created, "created");
  }

  /** True when the token is valid and has {@code scope}, or admin. */
  public boolean allows(Scope scope) {
    return revoked == null && (scopes.contains(scope) || scopes.contains(Scope.ADMIN));
  }
}
