package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.cli.EvidentCommand;
import dev.evident.model.Scope;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The evaluation views over HTTP, as {@code evident cost|analyze|compare --by model --json} print
 * them: project ev holds run 1 (gpt-4o, 5 samples) and run 2 (claude-sonnet-4, 5 samples), the
 * fixtures of EvalCommandTests; project other holds run 3.
 */
class EvaluationRoutesTests {

  @TempDir Path dir;

  private ServerFixture fx;

  @BeforeEach
  void ingest() throws Exception {
    ingest("gpt-4o.jsonl", "ev");
    ingest("claude-sonnet-4.jsonl", "ev");
    ingest("gpt-4o.jsonl", "other");
    fx = new ServerFixture(dir);
  }

  private void ingest(String fixture, String project) throws Exception {
    Path file = dir.resolve(fixture);
    try (InputStream in = getClass().getResourceAsStream("/dev/evident/evals/" + fixture)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute(
        "ingest",
        file.toString(),
        "--project",
        project,
        "--db",
        dir.resolve("evident.db").toString());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void costGivesTokensAndMoneyPerModelForTheProjectsRunsOrForOneRun() {
    fx.start();

    JsonNode project = ok("/api/v1/projects/ev/cost");
    assertThat(project.get("runs")).extracting(JsonNode::asInt).containsExactly(2, 1);
    // gpt-4o computed from tokens with the shipped prices; claude-sonnet-4 4 samples computed and
    // one with the cost its data gives (0.5).
    assertThat(project.at("/byModel/gpt-4o/cost/usd").asDouble()).isCloseTo(1.55, within(1e-9));
    assertThat(project.at("/byModel/claude-sonnet-4/cost/givenUsd").asDouble())
        .isCloseTo(0.5, within(1e-9));
    assertThat(project.at("/total/cost/usd").asDouble()).isCloseTo(3.85, within(1e-9));

    JsonNode run = ok("/api/v1/projects/ev/cost?run=2");
    assertThat(run.get("runs")).extracting(JsonNode::asInt).containsExactly(2);
    assertThat(run.get("byModel").has("gpt-4o")).isFalse();
  }

  @Test
  void costSinceADateLeavesOutOlderRunsAndABadDateIsA400() {
    fx.start();

    assertThat(ok("/api/v1/projects/ev/cost?since=2999-01-01").get("runs")).isEmpty();
    ServerFixture.Answer bad = fx.get("/api/v1/projects/ev/cost?since=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText())
        .isEqualTo("since=yesterday is not a date; give YYYY-MM-DD (UTC) or 2026-11-21T10:00:00Z");
    assertThat(fx.get("/api/v1/projects/ev/cost?run=1&since=2026-01-01").status()).isEqualTo(400);
  }

  @Test
  void analysisGivesEachPackagePassedOfExecutedWithDurationAndTokens() {
    fx.start();

    JsonNode math = ok("/api/v1/projects/ev/runs/1/analysis").at("/byPackage/math");

    assertThat(math.get("passed").asLong()).isEqualTo(2);
    assertThat(math.get("executed").asLong()).isEqualTo(3);
    assertThat(math.at("/tokens/cached").asLong()).isEqualTo(40_000);
    assertThat(math.get("durationMicros").asLong()).isEqualTo(7_000_000);
  }

  @Test
  void compareModelsPutsEachModelsNewestRunSideBySide() {
    fx.start();

    JsonNode models = ok("/api/v1/projects/ev/compare/models");

    assertThat(models.get("runByModel").get("gpt-4o").asInt()).isEqualTo(1);
    assertThat(models.get("runByModel").get("claude-sonnet-4").asInt()).isEqualTo(2);
    JsonNode gpt = models.at("/byModel/gpt-4o");
    assertThat(gpt.get("executed").asLong()).isEqualTo(4);
    assertThat(gpt.get("passed").asLong()).isEqualTo(2);
    assertThat(models.at("/byModelAndPackage/gpt-4o/math/executed").asLong()).isEqualTo(3);
  }

  @Test
  void aRunOfAnotherProjectIsNotFound() {
    fx.start();

    ServerFixture.Answer other = fx.get("/api/v1/projects/ev/runs/3/analysis");

    assertThat(other.status()).isEqualTo(404);
    assertThat(fx.get("/api/v1/projects/ev/cost?run=3").status()).isEqualTo(404);
  }

  @Test
  void theViewsNeedAReadTokenOfTheProjectWhenTokensAreRequired() {
    fx.start(ServerSettings.loopback(dir.resolve("uploads")).withRequireTokens(true));
    String ev = fx.token("ev", Scope.READ);
    String other = fx.token("other", Scope.READ);
    String ingestOnly = fx.token("ev", Scope.INGEST);

    assertThat(fx.get("/api/v1/projects/ev/compare/models").status()).isEqualTo(401);
    assertThat(fx.get("/api/v1/projects/ev/cost", other).status()).isEqualTo(403);
    assertThat(fx.get("/api/v1/projects/ev/runs/1/analysis", ingestOnly).status()).isEqualTo(403);
    assertThat(fx.get("/api/v1/projects/ev/runs/1/analysis", ev).status()).isEqualTo(200);
  }

  private JsonNode ok(String path) {
    ServerFixture.Answer a = fx.get(path);
    assertThat(a.status()).as("%s: %s", path, a.body()).isEqualTo(200);
    return a.json();
  }
}
