package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evident suspicious} and {@code evident progress} as a user types them. */
class SuspiciousAndProgressCommandTests {

  @TempDir Path dir;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] withDb = new String[args.length + 2];
    System.arraycopy(args, 0, withDb, 0, args.length);
    withDb[args.length] = "--db";
    withDb[args.length + 1] = dir.resolve("evident.db").toString();
    return cl.execute(withDb);
  }

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  /** Three runs of project shop: an integration test passing in 0.000 s, one always skipped. */
  @BeforeEach
  void history() throws IOException {
    String xml =
        """
        <testsuite name="com.acme.PaymentIT">
          <testcase classname="com.acme.PaymentIT" name="charges" time="0.000"/>
          <testcase classname="com.acme.PaymentIT" name="refunds" time="1.5"/>
          <testcase classname="com.acme.PaymentIT" name="later"><skipped/></testcase>
        </testsuite>
        """;
    for (int i = 0; i < 3; i++) {
      assertThat(run("ingest", write("TEST-" + i + ".xml", xml), "--project", "shop")).isZero();
    }
  }

  @Test
  void suspiciousPrintsEachFlagWithItsReasonAndExitsZero() {
    int code = run("suspicious", "latest", "--project", "shop");

    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith("Suspicious tests in run 3 (project shop): 2 flags")
        .contains("com.acme.PaymentIT > charges: passed in 0.00 s in an integration suite")
        .contains("com.acme.PaymentIT > later: skipped in all 3 of the last 3 runs (runs 1-3)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void suspiciousJsonListsEveryFlagWithItsFigures() throws IOException {
    assertThat(run("suspicious", "2", "--json", "--runs", "2")).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("run").asLong()).isEqualTo(2);
    assertThat(json.get("history").get("runs").asInt()).isEqualTo(2);
    assertThat(json.get("counts").get("instant_integration_test").asLong()).isEqualTo(1);
    assertThat(json.get("counts").get("always_skipped").asLong()).isZero();
    JsonNode flag = json.get("suspicious").get(0);
    assertThat(flag.get("kind").asText()).isEqualTo("instant_integration_test");
    assertThat(flag.get("test").get("name").asText()).isEqualTo("charges");
    assertThat(flag.get("figures").get("micros").asLong()).isZero();
    assertThat(json.get("notes").get(0).asText()).isEqualTo("history: the last 2 runs (runs 1-2)");
  }

  @Test
  void suspiciousWithMaxListsFewerButCountsAll() {
    assertThat(run("suspicious", "--max", "0")).isZero();

    assertThat(out.toString())
        .contains(
            "Tests always skipped (1):\n  ... and 1 more (--max N to list more, --json for all)")
        .doesNotContain("> later:");
  }

  @Test
  void progressPrintsTheCategoriesOfTheNamedConfig() throws IOException {
    String config =
        write(
            "targets.yaml",
            "categories:\n  payments:\n    match: {suite: com.acme.Payment*}\n    target: {tests: 3, pass_rate: 60%}\n"
                + "  search:\n    match: {tag: search}\n    target: {tests: 15}\n");

    int code = run("progress", "--config", config);

    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith("Progress of run 3 (project shop) against 2 categories in " + config)
        .containsPattern(
            "payments +3 tests, 60% passed +3 of 3 +2 +2 +0 +1 +2 of 3 \\(66\\.7%\\) +met\n")
        .containsPattern("search +15 tests +0 of 15 .* NOT MET: 0 of 15 tests exist\n")
        .contains("Over the last 3 runs");
  }

  @Test
  void progressJsonHasTargetsChecksAndHistory() throws IOException {
    String config =
        write(
            "t.yaml",
            "categories:\n  payments:\n    match: {suite: com.acme.*}\n    target: {tests: 5}\n");

    assertThat(run("progress", "--config", config, "--json", "--runs", "2")).isZero();

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("history").size()).isEqualTo(2);
    JsonNode payments = json.get("categories").get(0);
    assertThat(payments.get("met").asBoolean()).isFalse();
    assertThat(payments.get("checks").get(0).get("actual").asLong()).isEqualTo(3);
    assertThat(payments.get("checks").get(0).get("of").asLong()).isEqualTo(5);
    assertThat(payments.get("passRate").get("passed").asLong()).isEqualTo(2);
    assertThat(payments.get("history").get(1).get("counts").get("skipped").asLong()).isEqualTo(1);
    assertThat(json.get("uncategorised").get("counts").get("collected").asLong()).isZero();
  }

  @Test
  void aConfigErrorIsOneLineWithFileAndLineAndExitTwo() throws IOException {
    String config =
        write(
            "bad.yaml",
            "categories:\n  payments:\n    match: {suite: a}\n    target: {tests: many}\n");

    int code = run("progress", "--config", config);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "evident: "
                + config
                + ":4: categories.payments.target.tests must be a whole number of tests, like 15; found text 'many'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownRunIsOneLineAndExitTwo() throws IOException {
    String config = write("t.yaml", "categories:\n  all:\n    match: {suite: '*'}\n");

    assertThat(run("progress", "99", "--config", config)).isEqualTo(2);
    assertThat(err.toString()).contains("no run 99 in the store");
    assertThat(run("suspicious", "99")).isEqualTo(2);
    assertThat(err.toString()).contains("no run 99 in the store");
  }
}
