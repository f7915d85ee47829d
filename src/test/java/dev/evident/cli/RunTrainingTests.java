package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher's training for the cache of {@code evident run} ({@code aot-training --run}) takes
 * the paths a real run takes: pytest detected, its JUnit XML read, a --results glob, no results.
 */
class RunTrainingTests {

  @TempDir Path dir;

  @Test
  void theRunTrainingStoresPytestRunsReadFromJunitXmlAndTheOtherKindsOfRun() throws Exception {
    String db = dir.resolve("training.db").toString();
    TrainingCommand.runs(Path.of("samples"), dir, db);

    StringWriter out = new StringWriter();
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    cl.execute("runs", "--db", db, "--json");
    JsonNode runs = new ObjectMapper().readTree(out.toString());

    List<String> seen = new ArrayList<>();
    for (JsonNode run : runs) {
      seen.add(
          run.path("attributes").path("runner").asText()
              + " "
              + run.path("status").asText()
              + " "
              + run.path("counts").path("collected").asInt());
    }
    // pytest-worker.xml: 4 tests and a collection error; CartTest: 6 tests; the TAP: 2.
    assertThat(seen)
        .as("runner, status and tests of each stored run")
        .containsExactlyInAnyOrder(
            "pytest FAILED 4",
            "pytest FAILED 4",
            "pytest FAILED 4",
            "pytest FAILED 4",
            "generic FAILED 6",
            "generic FAILED 2",
            "generic EMPTY 0");
  }
}
