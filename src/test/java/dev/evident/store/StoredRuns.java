package dev.evident.store;

import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Writes runs into a real store for history tests, each result as one line: {@code "Suite > name
 * OUTCOME"} with an optional duration in milliseconds, {@code "Cart > adds PASSED 12"} (no
 * duration: unknown). Runs start one hour apart from 2026-03-01.
 */
public final class StoredRuns implements AutoCloseable {

  private static final Instant FIRST = Instant.parse("2026-03-01T09:00:00Z");

  private final ResultStore store;
  private int written;

  private StoredRuns(ResultStore store) {
    this.store = store;
  }

  public static StoredRuns open(Path db) {
    return open(db.toString());
  }

  /** Opens the store a {@code --db} option names: a SQLite path or a JDBC URL. */
  public static StoredRuns open(String db) {
    return new StoredRuns(ResultStore.open(db));
  }

  /** A run of a project with no attributes or labels. */
  public Run add(String project, String... results) {
    return add(project, Map.of(), Map.of(), results);
  }

  /** A run of a project with attributes (git.branch, ...) and labels. */
  public Run add(
      String project,
      Map<String, String> attributes,
      Map<String, String> labels,
      String... results) {
    Instant started = FIRST.plus(Duration.ofHours(written++));
    RunStart start =
        new RunStart(
            project, "ingest", "", null, attributes, labels, started, started.plusSeconds(30));
    try (RunWriter w = store.startRun(start)) {
      for (String r : results) {
        w.add(result(r));
      }
      return w.commit(null);
    }
  }

  /** {@code "Suite > name OUTCOME [millis]"} as a result; a failure gets a message. */
  public static TestResult result(String line) {
    String[] words = line.trim().split(" ");
    int n = words.length;
    boolean timed = !words[n - 1].matches("[A-Z]+");
    Outcome outcome = Outcome.valueOf(words[timed ? n - 2 : n - 1]);
    String test = String.join(" ", java.util.Arrays.copyOf(words, timed ? n - 2 : n - 1));
    int split = test.lastIndexOf(" > ");
    TestId id =
        split < 0
            ? TestId.parse("", test)
            : TestId.parse(test.substring(0, split), test.substring(split + 3));
    Duration duration =
        timed ? Duration.ofNanos((long) (Double.parseDouble(words[n - 1]) * 1_000_000)) : null;
    TestResult result = TestResult.of(id, outcome, duration);
    return outcome.broken()
        ? result.with(outcome, new Failure("AssertionError", "boom", ""))
        : result;
  }

  @Override
  public void close() {
    store.close();
  }
}
