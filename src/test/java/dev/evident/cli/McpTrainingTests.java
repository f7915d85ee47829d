package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The MCP session of the launcher's training run gets an answer to every request it sends. */
class McpTrainingTests {

  @TempDir Path dir;

  @Test
  void theTrainingSessionIsAnsweredInitializeToolsListAndEveryToolCall() throws Exception {
    String db = dir.resolve("training.db").toString();
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute("ingest", "samples/java", "--db", db);
    cl.execute("ingest", "samples", "--db", db);

    assertThat(McpTraining.run(db)).as("initialize, tools/list and 8 calls").isEqualTo(10);
  }
}
