package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsTests {

  @TempDir Path dir;
  ServerFixture fx;

  @BeforeEach
  void start() {
    fx = new ServerFixture(dir).start();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void healthAnswersUp() {
    var answer = fx.get("/health");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void readyIs200WhenMigratedAnd503WithTheReasonWhenAMigrationIsMissing() throws Exception {
    assertThat(fx.get("/ready").status()).isEqualTo(200);
    String newest = "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history";
    int needed;
    int left;
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("evident.db"));
        var s = c.createStatement()) {
      try (var rs = s.executeQuery(newest)) {
        needed = rs.getInt(1);
      }
      s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + needed + "'");
      try (var rs = s.executeQuery(newest)) {
        left = rs.getInt(1);
      }
    }

    var answer = fx.get("/ready");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.json().get("status").asText()).isEqualTo("NOT_READY");
    assertThat(answer.json().get("reasons").get(0).asText())
        .contains("schema is at version " + left + ", this server needs " + needed);
  }

  @Test
  void metricsHaveTheIngestAndRequestSeriesAfterAnUpload() {
    fx.post(
        "/api/v1/projects/shop/runs?name=TEST-a.xml",
        null,
        "application/xml",
        utf8(junit("A", 3, 1)));
    fx.get("/api/v1/projects/shop/runs/1");

    String metrics = fx.get("/metrics").body();

    assertThat(metrics)
        .contains("evident_runs_ingested_total{project=\"shop\",status=\"FAILED\"} 1.0")
        .contains("evident_tests_ingested_total{outcome=\"passed\",project=\"shop\"} 3.0")
        .contains("evident_tests_ingested_total{outcome=\"failed\",project=\"shop\"} 1.0")
        .contains("evident_project_pass_rate{project=\"shop\"} 0.75")
        .contains("evident_project_tests_executed{project=\"shop\"} 4.0")
        .contains("evident_ingest_bytes_total{project=\"shop\"}")
        .contains("evident_ingest_duration_seconds_count 1")
        .contains(
            "evident_http_requests_total{method=\"GET\",route=\"/api/v1/projects/{project}/runs/{run}\",status=\"200\"} 1.0")
        .doesNotContain("route=\"/api/v1/projects/shop");
  }

  @Test
  void logsOneLinePerRequestWithMethodRouteStatusAndMilliseconds() {
    fx.get("/api/v1/projects/shop/runs?limit=2");

    assertThat(fx.log())
        .containsPattern(
            "http method=GET route=/api/v1/projects/\\{project\\}/runs status=200 ms=\\d+\\.\\d"
                + " path=/api/v1/projects/shop/runs");
  }

  @Test
  void theOpenApiDocumentCoversEveryRegisteredRouteAndNothingElse() {
    JsonNode doc = fx.get(HealthRoutes.OPENAPI).json();
    List<String> documented = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));

    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(fx.server.routes());
  }

  @Test
  void theGrafanaDashboardUsesOnlyMetricsTheServerExports() throws Exception {
    fx.close();
    fx = TaskOperationsTests.withSuite(dir.resolve("with-tasks"), dir);
    TaskOperationsTests.runOneTask(fx);
    fx.post(
        "/api/v1/projects/shop/runs?name=TEST-a.xml",
        null,
        "application/xml",
        utf8(junit("A", 1, 0)));
    String metrics = fx.get("/metrics").body();
    String dashboard = Files.readString(Path.of("docs/grafana/evident.json"));
    Matcher m = Pattern.compile("evident_[a-z_]+").matcher(dashboard);
    List<String> used = new ArrayList<>();
    while (m.find()) {
      used.add(m.group());
    }

    assertThat(used).isNotEmpty();
    for (String name : used) {
      assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]");
    }
  }
}
