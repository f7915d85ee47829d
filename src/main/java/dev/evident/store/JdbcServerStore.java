package dev.evident.store;

import dev.evident.model.ApiToken;
import dev.evident.model.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ServerStore} over the JDBC store, SQLite or PostgreSQL: connections lent by its {@link
 * Database}, the branch expression from its {@link Dialect}.
 */
final class JdbcServerStore implements ServerStore {

  private final JdbcStore store;

  JdbcServerStore(JdbcStore store) {
    this.store = store;
  }

  private static final String TOKEN_COLUMNS =
      "id, project, name, scopes, token_hash, created_at, revoked_at";

  @Override
  public void addToken(ApiToken token) {
    store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, token.id());
            ps.setString(2, token.project());
            ps.setString(3, token.name());
            ps.setString(4, scopes(token.scopes()));
            ps.setString(5, token.hash());
            ps.setString(6, Sql.instant(token.created()));
            ps.setString(7, Sql.instant(token.revoked()));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<ApiToken> tokenByHash(String hash) {
    return store.withConnection(
        c ->
            tokens(c, "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE token_hash = ?", hash)
                .stream()
                .findFirst());
  }

  @Override
  public List<ApiToken> tokens(String project) {
    return store.withConnection(
        c ->
            project == null
                ? tokens(
                    c, "SELECT " + TOKEN_COLUMNS + " FROM api_tokens ORDER BY project, created_at")
                : tokens(
                    c,
                    "SELECT "
                        + TOKEN_COLUMNS
                        + " FROM api_tokens WHERE project = ? ORDER BY project, created_at",
                    project));
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setString(1, Sql.instant(at));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean anyValidToken() {
    return store.withConnection(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT 1 FROM api_tokens WHERE revoked_at IS NULL LIMIT 1");
              ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }

  @Override
  public List<String> projects() {
    return store.withConnection(
        c -> {
          List<String> names = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT p.name FROM projects p WHERE EXISTS"
                          + " (SELECT 1 FROM runs r WHERE r.project_id = p.id) ORDER BY p.name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              names.add(rs.getString(1));
            }
          }
          return names;
        });
  }

  @Override
  public List<dev.evident.model.Run> runs(
      String project, RunFilter filter, Long beforeId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + RunReads.RUN_COLUMNS
                + " FROM runs r JOIN projects p ON p.id = r.project_id WHERE p.name = ?");
    List<Object> args = new ArrayList<>(List.of(project));
    if (beforeId != null) {
      sql.append(" AND r.id < ?");
      args.add(beforeId);
    }
    if (filter.branch() != null) {
      sql.append(
          " AND ("
              + store.database().dialect().branchOf("r.attributes")
              + " = ? OR EXISTS (SELECT 1 FROM run_labels l WHERE l.run_id = r.id"
              + " AND l.key = 'branch' AND l.value = ?))");
      args.add(filter.branch());
      args.add(filter.branch());
    }
    for (Map.Entry<String, String> label : filter.labels().entrySet()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM run_labels l WHERE l.run_id = r.id AND l.key = ?"
              + " AND l.value = ?)");
      args.add(label.getKey());
      args.add(label.getValue());
    }
    if (filter.status() != null) {
      sql.append(" AND r.status = ?");
      args.add(filter.status());
    }
    if (filter.since() != null) {
      sql.append(" AND r.created_at >= ?");
      args.add(Sql.instant(filter.since()));
    }
    if (filter.until() != null) {
      sql.append(" AND r.created_at < ?");
      args.add(Sql.instant(filter.until()));
    }
    sql.append(" ORDER BY r.id DESC LIMIT ?");
    args.add(limit);
    return store.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              ps.setObject(i + 1, args.get(i));
            }
            return RunReads.readRuns(c, ps);
          }
        });
  }

  @Override
  public List<String> notReady() {
    try {
      return store.withConnection(
          c -> {
            int version = store.database().dialect().schemaVersion(c);
            return version >= Migrations.SCHEMA_VERSION
                ? List.<String>of()
                : List.of(
                    "database schema is at version "
                        + version
                        + ", this server needs "
                        + Migrations.SCHEMA_VERSION);
          });
    } catch (StoreException e) {
      return List.of("database does not answer: " + e.getMessage());
    }
  }

  private static List<ApiToken> tokens(Connection c, String sql, String... args)
      throws SQLException {
    List<ApiToken> tokens = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tokens.add(
              new ApiToken(
                  rs.getString("id"),
                  rs.getString("project"),
                  rs.getString("name"),
                  scopes(rs.getString("scopes")),
                  rs.getString("token_hash"),
                  Sql.instant(rs.getString("created_at")),
                  Sql.instant(rs.getString("revoked_at"))));
        }
      }
    }
    return tokens;
  }

  private static String scopes(Set<Scope> scopes) {
    return String.join(",", scopes.stream().sorted().map(Scope::id).toList());
  }

  private static Set<Scope> scopes(String text) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String s : text.split(",")) {
      if (!s.isBlank()) {
        scopes.add(Scope.parse(s));
      }
    }
    return scopes;
  }
}
