package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.ApiToken;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.Scope;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What evident serve keeps beside the runs: tokens, filtered run lists, readiness; both backends.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ServerStoreTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  private String db;
  private ResultStore store;
  private ServerStore server;

  @BeforeEach
  void open() {
    db = backend.newStore(dir.resolve("evident.db"));
    store = ResultStore.open(db);
    server = ServerStore.over(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static ApiToken token(String id, String project, String hash, Set<Scope> scopes) {
    return new ApiToken(
        id, project, "ci", scopes, hash, Instant.parse("2026-11-21T10:00:00Z"), null);
  }

  private Run run(
      String project, Map<String, String> attributes, Map<String, String> labels, Outcome outcome) {
    RunStart start = new RunStart(project, "upload", "", null, attributes, labels, null, null);
    try (RunWriter w = store.startRun(start)) {
      w.add(TestResult.of(new TestId("CartTest", "adds"), outcome, null));
      return w.commit(null);
    }
  }

  private List<Long> ids(String project, ServerStore.RunFilter filter, Long before, int limit) {
    return server.runs(project, filter, before, limit).stream().map(Run::id).toList();
  }

  @Test
  void keepsTokensByHashListsThemByProjectAndRevokesEachOnce() {
    assertThat(server.anyValidToken()).isFalse();
    server.addToken(token("tok_b", "shop", "hash-b", EnumSet.of(Scope.READ, Scope.INGEST)));
    server.addToken(token("tok_a", "cart", "hash-a", EnumSet.of(Scope.ADMIN)));

    ApiToken found = server.tokenByHash("hash-b").orElseThrow();
    assertThat(found.id()).isEqualTo("tok_b");
    assertThat(found.project()).isEqualTo("shop");
    assertThat(found.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.INGEST);
    assertThat(found.created()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(found.revoked()).isNull();
    assertThat(server.tokenByHash("hash-x")).isEmpty();
    assertThat(server.tokens(null)).extracting(ApiToken::id).containsExactly("tok_a", "tok_b");
    assertThat(server.tokens("shop")).extracting(ApiToken::id).containsExactly("tok_b");
    assertThat(server.anyValidToken()).isTrue();

    Instant at = Instant.parse("2026-11-21T11:00:00Z");
    assertThat(server.revoke("tok_b", at)).isTrue();
    assertThat(server.revoke("tok_b", at)).isFalse();
    assertThat(server.revoke("tok_none", at)).isFalse();
    assertThat(server.tokenByHash("hash-b").orElseThrow().revoked()).isEqualTo(at);
    assertThat(server.anyValidToken()).isTrue();
    server.revoke("tok_a", at);
    assertThat(server.anyValidToken()).isFalse();
  }

  @Test
  void namesOnlyTheProjectsThatHaveRuns() {
    run("shop", Map.of(), Map.of(), Outcome.PASSED);
    run("cart", Map.of(), Map.of(), Outcome.PASSED);
    server.addToken(token("tok_c", "tokens-only", "hash-c", EnumSet.of(Scope.READ)));

    assertThat(server.projects()).containsExactly("cart", "shop");
  }

  @Test
  void filtersRunsByBranchAttributeOrLabelByLabelsStatusAndDate() {
    long main = run("shop", Map.of(), Map.of("branch", "main", "ci", "gh"), Outcome.PASSED).id();
    long feature = run("shop", Map.of("git.branch", "feature"), Map.of(), Outcome.FAILED).id();
    run("cart", Map.of("git.branch", "feature"), Map.of(), Outcome.FAILED);

    assertThat(ids("shop", filter("main", Map.of(), null), null, 10)).containsExactly(main);
    assertThat(ids("shop", filter("feature", Map.of(), null), null, 10)).containsExactly(feature);
    assertThat(ids("shop", filter(null, Map.of("ci", "gh"), null), null, 10)).containsExactly(main);
    assertThat(ids("shop", filter(null, Map.of("ci", "gh", "branch", "x"), null), null, 10))
        .isEmpty();
    assertThat(ids("shop", filter(null, Map.of(), "FAILED"), null, 10)).containsExactly(feature);
    Instant past = Instant.parse("2000-01-01T00:00:00Z");
    assertThat(ids("shop", new ServerStore.RunFilter(null, null, null, past, null), null, 10))
        .containsExactly(feature, main);
    assertThat(ids("shop", new ServerStore.RunFilter(null, null, null, null, past), null, 10))
        .isEmpty();
  }

  private static ServerStore.RunFilter filter(
      String branch, Map<String, String> labels, String status) {
    return new ServerStore.RunFilter(branch, labels, status, null, null);
  }

  @Test
  void pagesNewestFirstBelowAnIdAndUpToALimit() {
    long first = run("shop", Map.of(), Map.of(), Outcome.PASSED).id();
    long second = run("shop", Map.of(), Map.of(), Outcome.PASSED).id();
    long third = run("shop", Map.of(), Map.of(), Outcome.PASSED).id();

    assertThat(ids("shop", ServerStore.RunFilter.NONE, null, 2)).containsExactly(third, second);
    assertThat(ids("shop", ServerStore.RunFilter.NONE, second, 2)).containsExactly(first);
    assertThat(server.runs("shop", ServerStore.RunFilter.NONE, null, 1).getFirst().labels())
        .isEmpty();
  }

  @Test
  void isReadyWhenEveryMigrationIsAppliedAndSaysWhichVersionItHasWhenNot() throws SQLException {
    assertThat(server.notReady()).isEmpty();

    try (Connection c = Backend.connect(db);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "DELETE FROM flyway_schema_history WHERE version = '" + Migrations.SCHEMA_VERSION + "'");
    }

    assertThat(server.notReady())
        .containsExactly(
            "database schema is at version "
                + previousMigration()
                + ", this server needs "
                + Migrations.SCHEMA_VERSION);
  }

  /** The newest migration before the newest (versions may have gaps while branches are merged). */
  private static int previousMigration() {
    try (var files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration/sqlite"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .filter(v -> v < Migrations.SCHEMA_VERSION)
          .max()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
