package dev.evident.store;

import dev.evident.model.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code evident serve} keeps beside the runs: API tokens, and the queries its API needs
 * (filtered, paginated run lists). Shares the connection of the {@link ResultStore} it is made
 * over; thread safe like it.
 */
public interface ServerStore {

  /** The server store over an open result store (the same database). */
  static ServerStore over(ResultStore store) {
    if (store instanceof JdbcStore jdbc) {
      return new JdbcServerStore(jdbc);
    }
    throw new StoreException("evident serve does not support this store: " + store);
  }

  void addToken(ApiToken token);

  /** The token with this hash, revoked or not. */
  Optional<ApiToken> tokenByHash(String hash);

  /** Tokens of a project, or of every project when null; by project, then creation. */
  List<ApiToken> tokens(String project);

  /** Revokes a token by id; false when there is no such token or it was already revoked. */
  boolean revoke(String id, Instant at);

  /** True when at least one token is not revoked. */
  boolean anyValidToken();

  /** The names of projects that have runs, by name. */
  List<String> projects();

  /**
   * A project's runs that pass a filter, newest first, with ids below {@code beforeId} (all when
   * null), at most {@code limit}; one query.
   */
  List<dev.evident.model.Run> runs(String project, RunFilter filter, Long beforeId, int limit);

  /**
   * Why the database is not ready to serve, or empty when it is: the database answers and every
   * migration this version knows is applied.
   */
  List<String> notReady();

  /**
   * Filters of a run list; null fields do not filter.
   *
   * @param branch the {@code git.branch} attribute or {@code branch} label
   * @param labels labels the run must all have
   * @param status a run status ({@code PASSED}, ...)
   * @param since runs stored at or after
   * @param until runs stored before
   */
  record RunFilter(
      String branch,
      java.util.Map<String, String> labels,
      String status,
      Instant since,
      Instant until) {
    public RunFilter {
      labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
    }

    public static final RunFilter NONE = new RunFilter(null, null, null, null, null);
  }
}
