package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evident export} through the real command line. */
class ExportCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    return Cli.run(out, err, Cli.withDb(dir.resolve("evident.db"), args));
  }

  @BeforeEach
  void twoRuns() throws IOException {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("adds", "PF");
    tests.put("totals", "FF");
    tests.put("removes", "PK");
    tests.put("later", "SS");
    for (int run = 0; run < 2; run++) {
      evident(
          "ingest", Surefire.write(dir, "CartTest", tests, run).toString(), "--project", "shop");
    }
  }

  @Test
  void writesJunitXmlToAFileThatIngestsAsTheSameRun() throws IOException {
    Path file = dir.resolve("merged.xml");

    assertThat(evident("export", "latest", "--format", "junit", "--output", file.toString()))
        .isZero();
    assertThat(err.toString()).isEqualTo("evident: wrote run 2 as junit to " + file + "\n");
    assertThat(Files.readString(file))
        .contains("<testsuites name=\"shop\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\"")
        .contains("<flakyFailure type=\"java.util.concurrent.TimeoutException\"");

    assertThat(evident("ingest", file.toString(), "--project", "again", "--json")).isEqualTo(1);
    JsonNode run = new ObjectMapper().readTree(out.toString());
    assertThat(run.get("counts").toString())
        .isEqualTo(
            "{\"collected\":4,\"executed\":3,\"passed\":0,\"failed\":2,\"errored\":0,\"skipped\":1,\"flaky\":1}");
    assertThat(run.get("problems")).isEmpty();
  }

  @Test
  void writesCtrfToStandardOutput() throws IOException {
    assertThat(evident("export", "1", "--format", "CTRF")).isZero();

    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.get("reportFormat").asText()).isEqualTo("CTRF");
    assertThat(report.get("results").get("summary").get("tests").asInt()).isEqualTo(4);
    assertThat(report.get("results").get("extra").get("evidentRun").asInt()).isEqualTo(1);
  }

  @Test
  void reportWithFormatJunitOrCtrfWritesWhatExportWrites() throws IOException {
    assertThat(evident("export", "latest", "--format", "junit")).isZero();
    String exported = out.toString();
    assertThat(evident("report", "latest", "--format", "junit")).isZero();
    assertThat(out.toString()).isEqualTo(exported).contains("<testsuites name=\"shop\"");

    assertThat(evident("report", "1", "--format", "ctrf")).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("reportFormat").asText())
        .isEqualTo("CTRF");
  }

  @Test
  void reportRefusesMarkdownOnlyOptionsWithAnExportFormat() {
    assertThat(evident("report", "latest", "--format", "junit", "--annotations")).isEqualTo(2);
    assertThat(err.toString()).contains("--annotations and --baseline are for md and json");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertThat(evident("export", "--format", "allure")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("evident: unknown export format 'allure': use ctrf or junit\n");

    assertThat(evident("export", "latest")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--format=FORMAT'");
  }
}
