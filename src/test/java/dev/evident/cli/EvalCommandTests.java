package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation runs through the real CLI: ingest, analyze, cost, compare --by model, runs. */
class EvalCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    return Cli.run(out, err, Cli.withDb(dir.resolve("evident.db"), args));
  }

  private String fixture(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/dev/evident/evals/" + name)) {
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return target.toString();
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  private void twoModels() throws IOException {
    assertThat(evident("ingest", fixture("gpt-4o.jsonl"), "--project", "ev")).isEqualTo(1);
    assertThat(evident("ingest", fixture("claude-sonnet-4.jsonl"), "--project", "ev")).isEqualTo(1);
  }

  @Test
  void analyzeGivesEachPackagePassedOfExecutedWithTimeTokensAndCost() throws IOException {
    twoModels();

    assertThat(evident("analyze", "1")).isZero();
    assertThat(out.toString())
        .startsWith("Run 1 (project ev): 5 samples, 4 executed, 2 of 4 passed (50.0%)\n")
        .contains(
            "  code     0 of 1              0.0%   1        500 ms  100,000    0       0       0.2500\n")
        .contains(
            "  math     2 of 3              66.7%  0        7.00 s  300,000    40,000  60,000  1.3000\n")
        .contains("gpt-4o of 2025-06-01");

    assertThat(evident("analyze", "1", "--json")).isZero();
    JsonNode math = json().get("byPackage").get("math");
    assertThat(math.get("passed").asLong()).isEqualTo(2);
    assertThat(math.get("executed").asLong()).isEqualTo(3);
    assertThat(math.get("tokens").get("cached").asLong()).isEqualTo(40_000);
  }

  @Test
  void costUsesTheShippedPricesAndTheCostTheDataGivesWins() throws IOException {
    twoModels();

    assertThat(evident("cost", "--project", "ev", "--json")).isZero();
    JsonNode byModel = json().get("byModel");
    // gpt-4o: 0.40 + 0.45 + 0.45 + 0.25 at 2.50 / 1.25 cached / 10.00 per million; one skipped
    // sample has no tokens.
    JsonNode gpt = byModel.get("gpt-4o").get("cost");
    assertThat(gpt.get("usd").asDouble()).isCloseTo(1.55, within());
    assertThat(gpt.get("samplesNoTokens").asLong()).isEqualTo(1);
    // claude-sonnet-4: 4 samples computed at 0.45 each, one with cost_usd 0.5 taken as given.
    JsonNode claude = byModel.get("claude-sonnet-4").get("cost");
    assertThat(claude.get("computedUsd").asDouble()).isCloseTo(1.8, within());
    assertThat(claude.get("givenUsd").asDouble()).isCloseTo(0.5, within());
    assertThat(claude.get("from").asText()).isEqualTo("data 1, computed 4");
    assertThat(json().get("total").get("cost").get("usd").asDouble()).isCloseTo(3.85, within());

    assertThat(evident("cost", "2")).isZero();
    assertThat(out.toString())
        .startsWith("Cost of run 2 (project ev): 5 samples\n")
        .contains("Cost given in the data (cost.usd) is used as given for 1 sample");
  }

  @Test
  void anUnknownModelHasNoPriceUntilAPriceFileGivesOne() throws IOException {
    assertThat(evident("ingest", fixture("unknown-model.jsonl"), "--project", "qa")).isEqualTo(1);

    assertThat(evident("cost", "latest")).isZero();
    assertThat(out.toString())
        .contains(
            "  acme-9000    1        5,000      0       500        no price    none      1 no price\n")
        .contains("No price: acme-9000 (1 sample); not in any cost above, never guessed.")
        .contains("  TOTAL        2        1,005,000  0       1,000,500  0.7500");

    Path prices = dir.resolve("prices.yaml");
    Files.writeString(
        prices,
        "models:\n  acme-9000: {input: 10, output: 100, date: 2026-11-01}\n"
            + "  gpt-4o-mini: {input: 1, cached_input: 0.5, output: 2, date: 2026-11-01}\n");
    assertThat(evident("cost", "latest", "--prices", prices.toString(), "--json")).isZero();
    JsonNode byModel = json().get("byModel");
    assertThat(byModel.get("acme-9000").get("cost").get("usd").asDouble())
        .isCloseTo(0.05 + 0.05, within());
    assertThat(byModel.get("gpt-4o-mini").get("cost").get("usd").asDouble())
        .isCloseTo(3.0, within());
    assertThat(json().get("prices").get("noPrice")).isEmpty();
    assertThat(json().get("prices").get("source").asText()).contains("overridden by");
  }

  @Test
  void pricesNamedInEvidentYamlOverrideTheShippedOnes() throws IOException {
    assertThat(evident("ingest", fixture("unknown-model.jsonl"), "--project", "qa")).isEqualTo(1);
    Files.writeString(
        dir.resolve("my-prices.yaml"),
        "models:\n  acme-9000: {input: 10, output: 100, date: 2026-11-01}\n");
    Files.writeString(dir.resolve("evident.yaml"), "prices: my-prices.yaml\n");
    // PriceTables reads evident.yaml from the work directory; the test gives it explicitly.
    assertThat(
            dev.evident.service.PriceTables.load(null, dir).of("acme-9000").orElseThrow().input())
        .isEqualTo(10.0);
    assertThat(dev.evident.service.PriceTables.load(null, dir.resolve("elsewhere")).of("acme-9000"))
        .isEmpty();
  }

  @Test
  void compareByModelPutsModelsSideBySideWithDenominatorsAndPackages() throws IOException {
    twoModels();

    assertThat(evident("compare", "--by", "model", "--project", "ev")).isZero();
    assertThat(out.toString())
        .startsWith("Models side by side, project ev (each model's newest run)\n")
        .contains(
            "  claude-sonnet-4  2    4 of 5              80.0%  11.00 s  500,000    50,000  2.3000\n")
        .contains(
            "  gpt-4o           1    2 of 4              50.0%  7.50 s   400,000    60,000  1.5500\n")
        .contains("  code     1 of 2 (50.0%)   0 of 1 (0.0%)\n")
        .contains("  math     3 of 3 (100.0%)  2 of 3 (66.7%)\n");

    // A model run again: only its newest run counts, not both.
    assertThat(evident("ingest", fixture("gpt-4o.jsonl"), "--project", "ev")).isEqualTo(1);
    assertThat(evident("compare", "--by", "model", "--project", "ev", "--json")).isZero();
    assertThat(json().get("runByModel").get("gpt-4o").asLong()).isEqualTo(3);
    assertThat(json().get("byModel").get("gpt-4o").get("executed").asLong()).isEqualTo(4);
  }

  @Test
  void runsFiltersByModelAndDate() throws IOException {
    twoModels();

    assertThat(evident("runs", "--model", "gpt-4o", "--json")).isZero();
    assertThat(json().size()).isEqualTo(1);
    assertThat(json().get(0).get("run").asLong()).isEqualTo(1);
    assertThat(evident("runs", "--model", "gpt-4o", "--since", "2999-01-01")).isZero();
    assertThat(out.toString()).isEqualTo("No runs match --model gpt-4o --since 2999-01-01.\n");
    assertThat(evident("runs", "--since", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--since yesterday: not a date");
  }

  @Test
  void attrOnIngestGivesTheRunItsModelWhenTheFileNamesNone() throws IOException {
    Path junit = dir.resolve("TEST-plain.xml");
    Files.writeString(
        junit,
        "<testsuite name=\"humaneval\"><testcase classname=\"humaneval\" name=\"t1\"/>"
            + "<testcase classname=\"humaneval\" name=\"t2\"><failure message=\"x\"/></testcase>"
            + "</testsuite>");
    assertThat(
            evident(
                "ingest",
                junit.toString(),
                "--project",
                "he",
                "--attr",
                "model=gpt-4o-mini",
                "--attr",
                "agent=plain"))
        .isEqualTo(1);

    assertThat(evident("runs", "--model", "gpt-4o-mini", "--json")).isZero();
    assertThat(json().get(0).get("attributes").get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(evident("analyze", "latest", "--json")).isZero();
    assertThat(json().get("byModel").get("gpt-4o-mini").get("passed").asLong()).isEqualTo(1);
    assertThat(json().get("byPackage").get("humaneval").get("executed").asLong()).isEqualTo(2);
  }

  @Test
  void ctrfExtraFieldsCarryModelTokensAndCost() throws IOException {
    assertThat(evident("ingest", fixture("ctrf-evals.json"), "--project", "c")).isEqualTo(1);

    assertThat(evident("cost", "latest", "--json")).isZero();
    JsonNode model = json().get("byModel").get("gpt-4.1");
    assertThat(model.get("tokens").get("input").asLong()).isEqualTo(5000);
    assertThat(model.get("tokens").get("cached").asLong()).isEqualTo(1000);
    // task-1 computed: 1000 uncached x 2.00 + 1000 cached x 0.50 + 500 out x 8.00; task-2 gives
    // 0.02
    assertThat(model.get("cost").get("usd").asDouble()).isCloseTo(0.0065 + 0.02, within());
    assertThat(json().get("byPackage").get("reasoning").get("samples").asLong()).isEqualTo(2);
  }

  @Test
  void junitPropertiesCarryModelPackageTokensAndCost() throws IOException {
    assertThat(evident("ingest", fixture("junit-evals.xml"), "--project", "swe")).isEqualTo(1);

    assertThat(evident("analyze", "latest", "--json")).isZero();
    JsonNode packages = json().get("byPackage");
    assertThat(packages.get("django").get("passed").asLong()).isEqualTo(1);
    assertThat(packages.get("flask").get("failed").asLong()).isEqualTo(1);
    JsonNode o3 = json().get("byModel").get("o3");
    assertThat(o3.get("tokens").get("output").asLong()).isEqualTo(5000);
    // django-101: 30,000 x 2.00 + 20,000 x 0.50 + 4,000 x 8.00 per million; flask-7 gives 0.25.
    assertThat(o3.get("cost").get("usd").asDouble()).isCloseTo(0.102 + 0.25, within());
  }

  @Test
  void aTruncatedHarnessFileKeepsTheSamplesReadAndSaysSo() throws IOException {
    assertThat(evident("ingest", fixture("truncated.jsonl"), "--project", "t")).isEqualTo(1);

    assertThat(out.toString())
        .contains("collected 2 · executed 2 · passed 1 · failed 1")
        .contains("truncated at line 3 (2 samples recovered)");
  }

  @Test
  void runWithAttrStoresOneRunPerModelThatCompareByModelPutsSideBySide() throws IOException {
    String gpt = fixture("gpt-4o.jsonl");
    String claude = fixture("claude-sonnet-4.jsonl");
    for (String[] m : new String[][] {{"gpt-4o", gpt}, {"claude-sonnet-4", claude}}) {
      evident(
          "run",
          "-C",
          dir.toString(),
          "--project",
          "loop",
          "--attr",
          "model=" + m[0],
          "--results",
          "out/*.jsonl",
          "--",
          "sh",
          "-c",
          "mkdir -p out && cp '" + m[1] + "' out/results.jsonl");
    }

    assertThat(evident("runs", "--project", "loop", "--model", "claude-sonnet-4", "--json"))
        .isZero();
    assertThat(json().get(0).get("attributes").get("model").asText()).isEqualTo("claude-sonnet-4");
    assertThat(evident("compare", "--by", "model", "--project", "loop", "--json")).isZero();
    assertThat(json().get("byModel").get("gpt-4o").get("passed").asLong()).isEqualTo(2);
    assertThat(json().get("byModel").get("claude-sonnet-4").get("passed").asLong()).isEqualTo(4);
    assertThat(json().get("runs")).hasSize(2);
  }

  @Test
  void aModelNamedByTheSuiteOrTheReportBecomesTheRunsModel() throws IOException {
    assertThat(evident("ingest", fixture("junit-suite-model.xml"), "--project", "mb")).isZero();

    assertThat(evident("runs", "--model", "gemini-2.5-flash", "--json")).isZero();
    assertThat(json().get(0).get("attributes").get("agent").asText()).isEqualTo("one-shot");
    assertThat(evident("cost", "latest", "--json")).isZero();
    // 1,000,000 input x 0.30 + 100,000 output x 2.50 per million
    assertThat(json().get("byModel").get("gemini-2.5-flash").get("cost").get("usd").asDouble())
        .isCloseTo(0.55, within());

    // --attr wins over what the file says.
    assertThat(
            evident(
                "ingest",
                fixture("junit-suite-model.xml"),
                "--project",
                "mb",
                "--attr",
                "model=gpt-4o"))
        .isZero();
    assertThat(evident("runs", "--model", "gpt-4o", "--json")).isZero();
    assertThat(json().size()).isEqualTo(1);
  }

  @Test
  void suitesNamingDifferentModelsLeaveTheRunsModelUnsetWithAWarning() throws IOException {
    Path junit = dir.resolve("two.xml");
    Files.writeString(
        junit,
        "<testsuites><testsuite name=\"a\"><properties><property name=\"model\" value=\"x\"/>"
            + "</properties><testcase classname=\"a\" name=\"t\"/></testsuite>"
            + "<testsuite name=\"b\"><properties><property name=\"model\" value=\"y\"/>"
            + "</properties><testcase classname=\"b\" name=\"t\"/></testsuite></testsuites>");

    evident("ingest", junit.toString(), "--project", "two", "--json");
    assertThat(out.toString()).contains("suites name different model (x, y): not kept for the run");
    assertThat(evident("runs", "--model", "x")).isZero();
    assertThat(out.toString()).startsWith("No runs match");
  }

  @Test
  void aCtrfReportsResultsExtraModelIsTheRunsModel() throws IOException {
    Path ctrf = dir.resolve("run.json");
    Files.writeString(
        ctrf,
        "{\"reportFormat\": \"CTRF\", \"results\": {\"tool\": {\"name\": \"k\"},"
            + " \"extra\": {\"model\": \"claude-opus-4\", \"agent\": \"k\"},"
            + " \"tests\": [{\"name\": \"t\", \"status\": \"passed\", \"duration\": 5,"
            + " \"extra\": {\"tokens\": {\"input\": 1000000, \"output\": 0}}}]}}");
    assertThat(evident("ingest", ctrf.toString(), "--project", "c")).isZero();

    assertThat(evident("cost", "latest", "--json")).isZero();
    assertThat(json().get("byModel").get("claude-opus-4").get("cost").get("usd").asDouble())
        .isCloseTo(15.0, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
