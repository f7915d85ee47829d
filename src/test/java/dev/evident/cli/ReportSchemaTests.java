package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Real outputs of {@code evident report --format json} against docs/report.schema.json. */
class ReportSchemaTests {

  @TempDir static Path dir;

  private static Schema schema;

  @BeforeAll
  static void store() throws IOException {
    try (ReportFixtures f = ReportFixtures.open(dir.resolve("evident.db"))) {
      f.shop(); // runs 1, 2
      f.broken(); // 3
      f.environment(); // 4
      f.blocked(); // 5
      f.big(300, 120); // 6, 7
    }
    Files.writeString(
        dir.resolve("evident.yaml"),
        """
        categories:
          payments:
            match:
              suite: shop.Pay*
            target:
              tests: 3
              pass_rate: 90%
          database:
            match:
              suite: shop.DbIT
        """);
    try (InputStream in = Files.newInputStream(Path.of("docs/report.schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  private static JsonNode report(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 5];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--format";
    all[args.length + 2] = "json";
    all[args.length + 3] = "--db";
    all[args.length + 4] = dir.resolve("evident.db").toString();
    assertThat(cl.execute(all)).as(err.toString()).isEqualTo(0);
    return new ObjectMapper().readTree(out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3", "4", "5", "7"})
  void everyKindOfRunGivesJsonThatTheSchemaAccepts(String run) throws IOException {
    List<Error> errors = schema.validate(report(run));

    assertThat(errors).isEmpty();
  }

  @Test
  void progressFromTheConfigurationFileIsInTheSchemaToo() throws IOException {
    JsonNode json = report("2", "--config", dir.resolve("evident.yaml").toString());

    assertThat(schema.validate(json)).isEmpty();
    assertThat(json.at("/progress/categories/0/name").asText()).isEqualTo("payments");
    assertThat(json.at("/progress/categories/0/counts/collected").asInt()).isEqualTo(3);
    assertThat(json.at("/progress/withTarget").asInt()).isEqualTo(1);
  }

  @Test
  void theSchemaRejectsAReportWithoutItsVersionOrWithAFieldItDoesNotDocument() throws IOException {
    ObjectNode json = (ObjectNode) report("2");
    json.remove("schema");
    ((ObjectNode) json.get("headline")).put("verdict", "major success");

    assertThat(schema.validate(json))
        .extracting(Error::getMessage)
        .anyMatch(m -> m.contains("schema"))
        .anyMatch(m -> m.contains("verdict"));
  }
}
