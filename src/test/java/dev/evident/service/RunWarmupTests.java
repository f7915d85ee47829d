package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import dev.evident.store.ResultStore;
import dev.evident.store.RunStart;
import dev.evident.store.RunWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up of {@code evident run} reads a real file through the real reader, and leaves no
 * trace: no file, no run, nothing changed in the store.
 */
class RunWarmupTests {

  @TempDir Path dir;

  @Test
  void theGeneratedFileIsReadAsThatManyTestsOneInFiftyFailing() throws Exception {
    Path file = dir.resolve("warm.xml");
    Files.writeString(file, RunWarmup.junit(RunWarmup.TESTS));

    try (ResultStore store = ResultStore.open(dir.resolve("check.db").toString());
        RunWriter writer =
            store.startRun(
                new RunStart("p", "ingest", null, null, Map.of(), Map.of(), Instant.now(), null))) {
      IngestService.Read read =
          IngestService.read(
              writer,
              List.of(new InputFiles.Candidate(file, file.toString(), true)),
              null,
              IngestService.Progress.NONE);

      assertThat(read.problems()).isEmpty();
      assertThat(writer.counts().executed()).isEqualTo(RunWarmup.TESTS);
      assertThat(writer.counts().failed()).isEqualTo(RunWarmup.TESTS / 50);
    }
  }

  @Test
  void aWarmUpLeavesNoFileAndNoRunBehind() {
    try (ResultStore store = ResultStore.open(dir.resolve("evident.db").toString())) {
      try (RunWriter writer =
          store.startRun(
              new RunStart("p", "run", "true", 0, Map.of(), Map.of(), Instant.now(), null))) {
        writer.add(
            TestResult.of(new TestId("suite", "t", ""), Outcome.PASSED, Duration.ofMillis(1)));
        writer.commit(null);
      }

      RunWarmup.run(dir, store, "p");

      assertThat(dir.resolve("evident-warmup.xml")).doesNotExist();
      assertThat(store.runs("p", 10)).hasSize(1);
    }
  }
}
