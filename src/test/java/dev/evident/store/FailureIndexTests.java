package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evident.analyze.Fingerprint;
import dev.evident.analyze.Similarity;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.SeenBefore;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class FailureIndexTests {

  @Parameter Backend backend;
  @TempDir Path dir;
  private String db;

  /** The test's store: a SQLite file in its directory, or a fresh PostgreSQL database. */
  private String db() {
    if (db == null) {
      db = backend.newStore(dir.resolve("evident.db"));
    }
    return db;
  }

  private ResultStore store;
  private final Signer signer = new Signer("1");
  private FailureIndex index;

  /** The analysis as the service wires it, without a classifier; counts what it signs. */
  static final class Signer implements FailureSigner {
    final String version;
    final AtomicInteger signed = new AtomicInteger();

    Signer(String version) {
      this.version = version;
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public Signature sign(StoredFailure failure, String runner) {
      signed.incrementAndGet();
      Fingerprint f = Fingerprint.of(failure.failure());
      return new Signature(f.id(), "other", f.text());
    }

    @Override
    public double similarity(String text, String other) {
      return Similarity.of(text, other);
    }

    @Override
    public double threshold() {
      return Similarity.THRESHOLD;
    }

    @Override
    public String type(String text) {
      return Similarity.type(text);
    }

    @Override
    public String searchText(String text) {
      return String.join(" ", Similarity.tokens(text));
    }
  }

  private ResultStore store() {
    if (store == null) {
      store = ResultStore.open(db());
    }
    return store;
  }

  private FailureIndex index() {
    if (index == null) {
      index =
          FailureIndex.open(
              FailureIndex.besideDatabase(dir.resolve("evident.db").toString()), signer);
    }
    return index;
  }

  @AfterEach
  void close() {
    if (index != null) {
      index.close();
    }
    if (store != null) {
      store.close();
    }
  }

  static Failure redis(String host, int port) {
    String message = "Error 111 connecting to " + host + ":" + port + ". Connection refused.";
    return new Failure(
        "redis.exceptions.ConnectionError",
        message,
        """
        Traceback (most recent call last):
          File "/app/.venv/lib/python3.12/site-packages/redis/connection.py", line 357, in connect
            sock = self.retry.call_with_retry(
          File "/usr/lib/python3.12/socket.py", line 850, in create_connection
            raise exceptions[0]
        ConnectionRefusedError: [Errno 111] Connection refused
        """);
  }

  static Failure missingSetting(String name) {
    return new Failure("KeyError", "'" + name + "'", "");
  }

  /** Stores a run of a project, started on a date, with failures by test name. */
  private long run(String project, String day, Map<String, Failure> failures) {
    Instant started = Instant.parse(day + "T10:00:00Z");
    try (RunWriter w =
        store()
            .startRun(
                new RunStart(project, "ingest", "", null, Map.of(), Map.of(), started, started))) {
      w.add(TestResult.of(new TestId("tests/test_cache.py", "test_ok"), Outcome.PASSED, null));
      failures.forEach(
          (test, failure) ->
              w.add(
                  TestResult.of(new TestId("tests/test_cache.py", test), Outcome.FAILED, null)
                      .with(Outcome.FAILED, failure)));
      return w.commit(null).id();
    }
  }

  private static Fingerprint fingerprint(Failure failure) {
    return Fingerprint.of(failure);
  }

  @Test
  void countsWhereAFailureWasSeenBeforeAcrossStoredRuns() {
    Failure refused = redis("localhost", 6381);
    long first = run("shop", "2026-11-02", Map.of("test_reads", refused, "test_writes", refused));
    run("shop", "2026-11-05", Map.of("test_reads", redis("localhost", 6382)));
    long third = run("shop", "2026-11-09", Map.of("test_reads", refused));
    run("shop", "2026-11-10", Map.of("test_other", missingSetting("REDIS_URL")));
    long now = run("shop", "2026-11-12", Map.of("test_reads", refused));
    run("other-project", "2026-11-01", Map.of("test_reads", refused));
    index().catchUp(store());

    Fingerprint f = fingerprint(refused);
    SeenBefore seen = index().seenBefore("shop", f.id(), f.text(), now).orElseThrow();

    assertThat(seen.firstRun()).isEqualTo(first);
    assertThat(seen.firstSeen()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    assertThat(seen.lastRun()).isEqualTo(third);
    assertThat(seen.lastSeen()).isEqualTo(Instant.parse("2026-11-09T10:00:00Z"));
    assertThat(seen.runs()).isEqualTo(3);
    assertThat(seen.failures()).isEqualTo(4);
  }

  @Test
  void hasNotSeenAFailureBeforeItsFirstRunNorInOtherProjects() {
    Failure refused = redis("localhost", 6381);
    long first = run("shop", "2026-11-02", Map.of("test_reads", refused));
    run("other-project", "2026-11-01", Map.of("test_reads", missingSetting("X")));
    index().catchUp(store());
    Fingerprint f = fingerprint(refused);

    assertThat(index().seenBefore("shop", f.id(), f.text(), first)).isEmpty();
    assertThat(index().seenBefore("other-project", f.id(), f.text(), first + 10)).isEmpty();
    assertThat(index().seenBefore("shop", f.id(), f.text(), first + 1)).isPresent();
  }

  @Test
  void findsSimilarButNotIdenticalFailuresAndReChecksTheirSimilarity() {
    long ci = run("shop", "2026-11-02", Map.of("test_reads", redis("redis-ci", 6381)));
    run("shop", "2026-11-03", Map.of("test_env", missingSetting("REDIS_URL")));
    long now = run("shop", "2026-11-04", Map.of("test_reads", redis("localhost", 6381)));
    index().catchUp(store());
    Fingerprint local = fingerprint(redis("localhost", 6381));
    Fingerprint other = fingerprint(redis("redis-ci", 6381));

    Map<String, Double> similar = index().similar("shop", local.id(), local.text(), now);
    SeenBefore seen = index().seenBefore("shop", local.id(), local.text(), now).orElseThrow();

    assertThat(local.id()).isNotEqualTo(other.id());
    assertThat(similar).containsOnlyKeys(local.id(), other.id());
    assertThat(similar.get(other.id())).isCloseTo(0.83, within(0.01));
    assertThat(seen.firstRun()).isEqualTo(ci);
    assertThat(seen.runs()).isEqualTo(1);
    Fingerprint setting = fingerprint(missingSetting("DATABASE_URL"));
    assertThat(index().similar("shop", setting.id(), setting.text(), now))
        .containsOnlyKeys(setting.id());
  }

  @Test
  void catchesUpLazilyIndexingOnlyRunsStoredSinceTheLastTime() {
    run("shop", "2026-11-02", Map.of("a", redis("localhost", 1), "b", missingSetting("A")));
    run("shop", "2026-11-03", Map.of("a", redis("localhost", 2)));

    assertThat(index().indexedThrough()).isZero();
    assertThat(index().catchUp(store())).isEqualTo(2);
    assertThat(signer.signed).hasValue(3);
    assertThat(index().catchUp(store())).isZero();
    assertThat(signer.signed).hasValue(3);

    long third = run("shop", "2026-11-04", Map.of("a", redis("localhost", 3)));
    assertThat(index().catchUp(store())).isEqualTo(1);
    assertThat(signer.signed).hasValue(4);
    assertThat(index().indexedThrough()).isEqualTo(third);
    Fingerprint f = fingerprint(redis("localhost", 3));
    assertThat(index().seenBefore("shop", f.id(), f.text(), third + 1).orElseThrow().runs())
        .isEqualTo(3);
  }

  @Test
  void rebuildsWhenTheFingerprintRulesChange() {
    run("shop", "2026-11-02", Map.of("a", redis("localhost", 1)));
    run("shop", "2026-11-03", Map.of("a", redis("localhost", 2)));
    index().catchUp(store());
    index().close();

    try (FailureIndex rebuilt =
        FailureIndex.open(
            FailureIndex.besideDatabase(dir.resolve("evident.db").toString()), new Signer("2"))) {
      index = null;
      assertThat(rebuilt.catchUp(store())).isEqualTo(2);
      Fingerprint f = fingerprint(redis("localhost", 1));
      assertThat(rebuilt.seenBefore("shop", f.id(), f.text(), 99).orElseThrow().failures())
          .isEqualTo(2);
    }
  }

  @Test
  void rebuildsForANewStoreCreatedWhereTheOldOneWas() throws IOException {
    run("shop", "2026-11-02", Map.of("a", redis("localhost", 1)));
    index().catchUp(store());
    store.close();
    store = null;
    // The same index directory, a new store: a new file at the old path, or a new database.
    if (backend == Backend.SQLITE) {
      Files.delete(dir.resolve("evident.db"));
    }
    db = backend.newStore(dir.resolve("evident.db"));

    long first = run("shop", "2026-11-05", Map.of("b", missingSetting("A")));

    assertThat(first).isEqualTo(1);
    assertThat(index().catchUp(store())).isEqualTo(1);
    Fingerprint old = fingerprint(redis("localhost", 1));
    assertThat(index().seenBefore("shop", old.id(), old.text(), 99)).isEmpty();
    Fingerprint now = fingerprint(missingSetting("A"));
    assertThat(index().seenBefore("shop", now.id(), now.text(), 99)).isPresent();
  }

  @Test
  void leavesCatchingUpToTheProcessThatHoldsTheWriteLock() throws IOException {
    run("shop", "2026-11-02", Map.of("a", redis("localhost", 1)));
    Path path = FailureIndex.besideDatabase(dir.resolve("evident.db").toString());
    try (FSDirectory directory = FSDirectory.open(path);
        IndexWriter other =
            new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      assertThat(index().catchUp(store())).isZero();
      other.rollback();
    }
    assertThat(index().catchUp(store())).isEqualTo(1);
  }

  @Test
  void findsAFingerprintByItsPrefixWithItsLatestOccurrence() {
    Failure refused = redis("localhost", 6381);
    run("shop", "2026-11-02", Map.of("test_reads", refused));
    long latest = run("shop", "2026-11-03", Map.of("test_writes", refused));
    index().catchUp(store());
    Fingerprint f = fingerprint(refused);

    List<FailureIndex.Occurrence> found = index().startingWith(f.shortId(), null, 10);

    assertThat(found).singleElement();
    FailureIndex.Occurrence o = found.get(0);
    assertThat(o.fingerprint()).isEqualTo(f.id());
    assertThat(o.project()).isEqualTo("shop");
    assertThat(o.text()).isEqualTo(f.text());
    assertThat(o.run()).isEqualTo(latest);
    assertThat(o.test()).isEqualTo("tests/test_cache.py > test_writes");
    assertThat(index().startingWith(f.shortId(), "other-project", 10)).isEmpty();
  }

  @Test
  void answersEmptyBeforeAnythingWasIndexed() {
    Fingerprint f = fingerprint(redis("localhost", 1));

    assertThat(index().seenBefore("shop", f.id(), f.text(), 5)).isEmpty();
    assertThat(index().similar("shop", f.id(), f.text(), 5)).containsOnlyKeys(f.id());
    assertThat(index().startingWith("abcdef12", null, 10)).isEmpty();
  }

  @Test
  void livesBesideTheDatabase() {
    assertThat(FailureIndex.besideDatabase(".evident/evident.db"))
        .isEqualTo(Path.of(".evident/evident.index"));
    assertThat(FailureIndex.besideDatabase("jdbc:sqlite:/data/results.sqlite"))
        .isEqualTo(Path.of("/data/results.sqlite.index"));
  }
}
