package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InputStream stdin = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private int classify(String... args) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "classify";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    return cl.execute(withCommand);
  }

  private int classifyStdin(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    return classify(args);
  }

  private String file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  @Test
  void classifiesAFileAndPrintsCategoryEvidenceEntitiesAndRemediation() throws IOException {
    String log =
        file(
            "ci.log",
            """
            ##[group]Run pytest -q
            ....F
            E   ModuleNotFoundError: No module named 'yaml'
            1 failed, 4 passed in 0.31s
            ##[error]Process completed with exit code 1.
            """);

    int code = classify("--runner", "pytest", log);

    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(
            """
            category     missing_dependency
            confidence   0.90
            evidence     E   ModuleNotFoundError: No module named 'yaml'
            entities     module=yaml, package=pyyaml
            remediation  pip install pyyaml (the module yaml), and add it to the project's test \
            dependencies; if yaml is the project's own package, install it (pip install -e .) or \
            fix the import path
            rule         python-module-not-found
            """);
  }

  @Test
  void readsStandardInputWhenNoFileOrADashIsNamed() {
    String text = "Error: connect ECONNREFUSED 127.0.0.1:6379\n";

    assertThat(classifyStdin(text)).isEqualTo(0);
    assertThat(out.toString())
        .startsWith("category     service_unavailable\n")
        .contains("entities     address=127.0.0.1:6379, env=REDIS_URL, host=127.0.0.1, port=6379");
    out.getBuffer().setLength(0);
    assertThat(classifyStdin(text, "-")).isEqualTo(0);
    assertThat(out.toString()).startsWith("category     service_unavailable\n");
  }

  @Test
  void unknownTextIsOtherWithLowConfidence() {
    classifyStdin("something odd happened\n");

    assertThat(out.toString())
        .startsWith("category     other\nconfidence   0.20\nevidence     something odd happened\n");
  }

  @Test
  void printsOneDiagnosisAsJson() throws IOException {
    classifyStdin("panic: test timed out after 10m0s\n", "--json", "--runner", "go");

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("category").asText()).isEqualTo("timeout");
    assertThat(json.get("entities").get("limit").asText()).isEqualTo("10m0s");
    assertThat(json.get("rule").asText()).isEqualTo("go-test-timeout");
  }

  @Test
  void jsonLinesAreAnsweredOneForOneAndInOrder() throws IOException {
    String input =
        """
        {"id": 1, "text": "E   ModuleNotFoundError: No module named 'cv2'", "runner": "pytest"}
        {"id": "b", "text": "dial tcp 127.0.0.1:6381: connect: connection refused", "runner": "go"}

        {"id": [3], "message": "expected: <400> but was: <500>", "type": "org.opentest4j.AssertionFailedError"}
        {"id": 4, "text": "nothing to see"}
        """;

    int code = classifyStdin(input, "--jsonl");

    assertThat(code).isEqualTo(0);
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(lines.get(0).get("category").asText()).isEqualTo("missing_dependency");
    assertThat(lines.get(0).get("entities").get("package").asText()).isEqualTo("opencv-python");
    assertThat(lines.get(1).get("id").asText()).isEqualTo("b");
    assertThat(lines.get(1).get("entities").get("address").asText()).isEqualTo("127.0.0.1:6381");
    assertThat(lines.get(2).get("id").isArray()).isTrue();
    assertThat(lines.get(2).get("category").asText()).isEqualTo("assertion_failure");
    assertThat(lines.get(2).get("entities").get("actual").asText()).isEqualTo("500");
    assertThat(lines.get(3).get("category").asText()).isEqualTo("other");
    assertThat(lines.get(3).get("confidence").asDouble()).isEqualTo(0.2);
    assertThat(lines.get(3).fieldNames())
        .toIterable()
        .containsExactly(
            "id", "category", "confidence", "evidence", "entities", "remediation", "rule");
  }

  @Test
  void jsonLinesKeepTheirOrderAcrossBatches() throws IOException {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      input.append("{\"id\": ").append(i).append(", \"text\": \"SERVICE_").append(i);
      input.append("_TOKEN not set\"}\n");
    }

    classifyStdin(input.toString(), "--jsonl", "--runner", "python");

    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(10_000);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i).get("id").asInt()).isEqualTo(i);
      assertThat(lines.get(i).get("entities").get("env").asText())
          .isEqualTo("SERVICE_" + i + "_TOKEN");
    }
  }

  @Test
  void anUnreadableJsonLineIsAnsweredWithAnErrorInItsPlaceAndExitsTwo() throws IOException {
    String input =
        """
        {"id": 1, "text": "Too many open files"}
        not json
        {"id": 3, "text": 42}
        {"id": 4}
        """;

    int code = classifyStdin(input, "--jsonl");

    assertThat(code).isEqualTo(2);
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).get("category").asText()).isEqualTo("resource_exhaustion");
    assertThat(lines.get(1).get("error").asText()).startsWith("line 2: not JSON");
    assertThat(lines.get(2).get("error").asText()).isEqualTo("line 3: \"text\" must be a string");
    assertThat(lines.get(3).get("id").asInt()).isEqualTo(4);
    assertThat(err.toString()).startsWith("evident: 3 of 4 lines could not be read");
  }

  @Test
  void userRulesFromARulesFileApply() throws IOException {
    String rules =
        file(
            "rules.yaml",
            """
            rules:
              - id: legacy-billing-down
                category: service_unavailable
                literal: BILLING-503
                pattern: 'BILLING-503 from (?<host>[\\w.-]+)'
                remediation: 'restart the billing stub on {host}'
            """);

    classifyStdin("RuntimeError: BILLING-503 from stub.local\n", "--rules", rules);

    assertThat(out.toString())
        .contains("remediation  restart the billing stub on stub.local\n")
        .contains("rule         legacy-billing-down\n");
  }

  @Test
  void aBadRuleFileIsOneLineNamingFileAndLine() throws IOException {
    String rules =
        file(
            "rules.yaml",
            """
            rules:
              - id: x
                category: srvice_unavailable
                pattern: refused
            """);

    int code = classifyStdin("Connection refused\n", "--rules", rules);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "evident: "
                + rules
                + ":3: rule 'x': unknown category 'srvice_unavailable' (did you mean"
                + " 'service_unavailable'?)")
        .doesNotContain("\tat ");
  }

  @Test
  void aMissingInputFileIsAUsageError() {
    int code = classify(dir.resolve("none.log").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("evident: cannot read " + dir.resolve("none.log") + ": no such file\n");
  }

  @Test
  void listsTheRulesInEffect() {
    classify("--list-rules");

    assertThat(out.toString())
        .contains("python-module-not-found")
        .containsPattern("redis-refused +service_unavailable +72 ");
  }

  private List<JsonNode> jsonLines() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : out.toString().split("\n")) {
      lines.add(json.readTree(line));
    }
    return lines;
  }
}
