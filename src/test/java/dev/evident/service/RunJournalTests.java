package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Attempt;
import dev.evident.model.Counts;
import dev.evident.model.Excerpt;
import dev.evident.model.ExportSink;
import dev.evident.model.Failure;
import dev.evident.model.InputFile;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunStatus;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run journal replayed into another store stores the same run. */
class RunJournalTests {

  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static final RunStart START =
      new RunStart(
          "shop",
          "run",
          "pytest tests/",
          1,
          Map.of("git.commit", "abc", "git.branch", "main"),
          Map.of("team", "cart"),
          T0,
          T0.plusSeconds(42));

  /** Writes a run with every kind of entry through {@code writer}. */
  private static Run write(RunWriter writer) {
    TestResult flaky =
        new TestResult(
            new TestId("tests/test_cart.py", "test_totals", "eur-2"),
            Outcome.FLAKY,
            Duration.ofMillis(120),
            Failure.NONE,
            List.of(
                new Attempt(
                    Outcome.FAILED,
                    Duration.ofMillis(90),
                    new Failure("AssertionError", "3 != 4", "line 1\nline 2"))),
            Excerpt.of("printed"),
            new Excerpt("head…tail", 5000),
            Location.of("tests/test_cart.py", 12),
            List.of("slow"),
            Map.of("owner", "cart-team"));
    writer.suite(
        new SuiteInfo(
            "tests/test_cart.py",
            T0,
            Duration.ofSeconds(2),
            Map.of("python", "3.12"),
            Excerpt.EMPTY,
            Excerpt.of("warn")));
    writer.add(flaky);
    writer.add(
        TestResult.of(new TestId("tests/test_cart.py", "test_adds"), Outcome.PASSED, null)
            .with(Outcome.ERRORED, new Failure("ImportError", "no module named x", "trace")));
    writer.file(new InputFile("report.xml", "junit", 1234, 2, null));
    writer.problem(Problem.warning("report.xml", 7, "a test case without a name"));
    writer.runError(
        new RunError(
            RunError.Kind.COLLECTION,
            "tests/test_io.py",
            new Failure("", "cannot import", "details"),
            Location.of("tests/test_io.py", 3)));
    writer.log("stdout", "collected 2 items\n", 18);
    writer.log("stderr", "", 0);
    writer.attributes(Map.of("model", "gpt-x"));
    return writer.commit(null);
  }

  private static List<String> results(ResultStore store, long run) {
    List<String> all = new ArrayList<>();
    store.export(
        run,
        new ExportSink() {
          @Override
          public void suite(Suite suite) {
            all.add("suite " + suite.name() + " " + suite.counts() + " " + suite.duration());
          }

          @Override
          public void result(long testRef, TestResult result) {
            all.add(result.toString());
          }
        });
    return all;
  }

  @Test
  void aReplayedJournalStoresTheSameRunResultsLogsAndErrors() {
    Path journal = dir.resolve("run.ndjson");
    try (ResultStore local = ResultStore.open(dir.resolve("local.db").toString());
        ResultStore server = ResultStore.open(dir.resolve("server.db").toString())) {
      Run original = write(RunJournal.recording(local.startRun(START), START, journal));

      Run replayed = RunJournal.replay(journal, null, server).run();

      assertThat(replayed.status()).isEqualTo(original.status()).isEqualTo(RunStatus.FAILED);
      assertThat(replayed.counts()).isEqualTo(original.counts());
      assertThat(replayed.counts()).isEqualTo(new Counts(2, 2, 0, 0, 1, 0, 1));
      assertThat(replayed.command()).isEqualTo("pytest tests/");
      assertThat(replayed.exitCode()).isEqualTo(1);
      assertThat(replayed.started()).isEqualTo(T0);
      assertThat(replayed.finished()).isEqualTo(T0.plusSeconds(42));
      assertThat(replayed.attributes()).isEqualTo(original.attributes()).containsKey("model");
      assertThat(replayed.labels()).isEqualTo(Map.of("team", "cart"));
      assertThat(replayed.runErrors()).isEqualTo(original.runErrors()).isEqualTo(1);
      assertThat(replayed.problems()).isEqualTo(original.problems()).isEqualTo(1);
      assertThat(results(server, replayed.id())).isEqualTo(results(local, original.id()));
      assertThat(server.logs(replayed.id())).isEqualTo(local.logs(original.id()));
      // created is when each store stored it; everything else is the same
      assertThat(server.detail(replayed.id(), 10).toString().replaceAll("created=[^,]*", ""))
          .isEqualTo(local.detail(original.id(), 10).toString().replaceAll("created=[^,]*", ""));
    }
  }

  @Test
  void aJournalWithoutItsCommitLineStoresNothing() throws IOException {
    Path journal = dir.resolve("run.ndjson");
    try (ResultStore local = ResultStore.open(dir.resolve("local.db").toString());
        ResultStore server = ResultStore.open(dir.resolve("server.db").toString())) {
      write(RunJournal.recording(local.startRun(START), START, journal));
      List<String> lines = Files.readAllLines(journal);
      Files.write(journal, lines.subList(0, lines.size() - 1));

      assertThatThrownBy(() -> RunJournal.replay(journal, null, server))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("without its commit line");
      assertThat(server.runs("shop", 10)).isEmpty();
    }
  }

  @Test
  void aMalformedLineIsNamed() throws IOException {
    Path journal = dir.resolve("run.ndjson");
    Files.writeString(
        journal,
        "{\"start\":{\"project\":\"shop\"}}\n{\"add\":{\"outcome\":\"PASSED\"}}\n{\"commit\":null}\n");
    try (ResultStore server = ResultStore.open(dir.resolve("server.db").toString())) {
      assertThatThrownBy(() -> RunJournal.replay(journal, null, server))
          .isInstanceOf(InputException.class)
          .hasMessage("run journal line 2: missing \"suite\"");
      assertThat(server.runs("shop", 10)).isEmpty();
    }
  }
}
