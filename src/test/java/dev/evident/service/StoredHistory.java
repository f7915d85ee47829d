package dev.evident.service;

import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a project's runs into a store from strings, one character per run (oldest first) and one
 * string per test: {@code P} passed, {@code F} failed (an assertion naming the test), {@code K}
 * failed then passed on a rerun, {@code S} skipped, {@code O} errored with "Connection refused"
 * from its own stack frame (an outage when most tests do), {@code -} absent.
 */
final class StoredHistory {

  private StoredHistory() {}

  /**
   * Writes the runs; {@code commits} has one letter per run ({@code a} is commit {@code
   * aaaaaaa...}) or is empty.
   *
   * @param tests test name ("Suite > name") to its outcomes
   */
  static List<Run> write(String db, String project, String commits, Map<String, String> tests) {
    int runs = tests.values().iterator().next().length();
    List<Run> written = new ArrayList<>();
    try (ResultStore store = ResultStore.open(db)) {
      for (int r = 0; r < runs; r++) {
        Map<String, String> attributes =
            commits.isEmpty()
                ? Map.of()
                : Map.of("git.commit", String.valueOf(commits.charAt(r)).repeat(40));
        Instant started = Instant.parse("2026-03-01T08:00:00Z").plus(Duration.ofHours(r));
        try (RunWriter w =
            store.startRun(
                new RunStart(
                    project, "ingest", "", null, attributes, Map.of(), started, started))) {
          for (Map.Entry<String, String> test : tests.entrySet()) {
            TestResult result = result(test.getKey(), test.getValue().charAt(r));
            if (result != null) {
              w.add(result);
            }
          }
          written.add(w.commit(null));
        }
      }
    }
    return written;
  }

  private static TestResult result(String test, char outcome) {
    int split = test.indexOf(" > ");
    TestId id = TestId.parse(test.substring(0, split), test.substring(split + 3));
    Failure wrong =
        new Failure("AssertionError", id.name() + ": expected 3 but was 4", "at " + id.name());
    return switch (outcome) {
      case 'P' -> TestResult.of(id, Outcome.PASSED, Duration.ofMillis(5));
      case 'F' ->
          TestResult.of(id, Outcome.PASSED, Duration.ofMillis(5)).with(Outcome.FAILED, wrong);
      case 'O' ->
          TestResult.of(id, Outcome.PASSED, Duration.ofMillis(5))
              .with(
                  Outcome.ERRORED,
                  new Failure(
                      "java.net.ConnectException",
                      "Connection refused: localhost/127.0.0.1:5432",
                      "at org.postgresql.Driver.connect\n\tat " + id.suite() + "." + id.name()));
      case 'S' -> TestResult.of(id, Outcome.SKIPPED, null);
      case 'K' ->
          new TestResult(
              id,
              Outcome.FLAKY,
              Duration.ofMillis(5),
              Failure.NONE,
              List.of(new Attempt(Outcome.FAILED, Duration.ofMillis(5), wrong)),
              Excerpt.EMPTY,
              Excerpt.EMPTY,
              null,
              List.of(),
              Map.of());
      case '-' -> null;
      default -> throw new IllegalArgumentException("not an outcome: " + outcome);
    };
  }
}
