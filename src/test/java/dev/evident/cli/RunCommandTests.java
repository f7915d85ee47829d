package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evident run} with real processes: shell scripts, pytest and Maven. */
class RunCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int evident(String... args) {
    CommandLine cl = EvidentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    int dashes = all.indexOf("--");
    all.addAll(
        dashes < 0 ? all.size() : dashes, List.of("--db", dir.resolve("evident.db").toString()));
    return cl.execute(all.toArray(String[]::new));
  }

  private JsonNode json() throws IOException {
    String text = out.toString();
    return new ObjectMapper().readTree(text.substring(text.indexOf('{')));
  }

  /** Copies a fixture project from src/test/resources/dev/evident/run into the temp dir. */
  private Path fixture(String name) throws IOException {
    Path target = dir.resolve(name);
    Path source = Path.of("src/test/resources/dev/evident/run", name);
    try (var paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  @Test
  void aPassingScriptWithResultsIsPassedAndExitsZero() throws IOException {
    int code =
        evident(
            "run",
            "-C",
            dir.toString(),
            "--results",
            "out/*.tap",
            "--json",
            "--",
            "sh",
            "-c",
            "mkdir -p out; printf 'TAP version 13\\n1..2\\nok 1 - adds\\nok 2 - removes\\n' > out/results.tap; echo done");

    assertThat(code).isZero();
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("PASSED");
    assertThat(run.get("counts").get("executed").asLong()).isEqualTo(2);
    assertThat(run.get("source").asText()).isEqualTo("run");
    assertThat(run.get("exitCode").asInt()).isZero();
    assertThat(run.get("attributes").get("runner").asText()).isEqualTo("generic");
    assertThat(run.get("attributes").has("cpus")).isTrue();
    out.getBuffer().setLength(0);
    assertThat(evident("logs", "latest")).isZero();
    assertThat(out.toString())
        .contains("== stderr (0 bytes)")
        .contains("== stdout (5 bytes)\ndone");
  }

  @Test
  void aFailingPytestSuiteIsFailedWithItsFailureAndExitsOne() throws IOException {
    Path project = fixture("pytest-mixed");

    int code =
        evident(
            "run",
            "-C",
            project.toString(),
            "--",
            "python3",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAILED: 1 of 3 executed tests failed")
        .contains("test_cart > test_totals")
        .contains("the total is off");
    assertThat(err.toString()).contains("exit 1: the results contain failures or errors");
    out.getBuffer().setLength(0);
    assertThat(evident("show", "latest", "--json")).isEqualTo(1);
    assertThat(json().get("attributes").get("runtime.python").asText())
        .as("written by Evident's pytest plugin")
        .startsWith("Python 3.");
  }

  @Test
  void aCollectionErrorIsBrokenAndSaysWhy() throws IOException {
    Path project = fixture("pytest-broken");

    int code =
        evident(
            "run",
            "-C",
            project.toString(),
            "--json",
            "--",
            "python3",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("BROKEN");
    assertThat(run.get("counts").get("executed").asLong()).isZero();
    assertThat(run.get("runErrors").toString()).contains("evident_no_such_module_xyz");
  }

  @Test
  void zeroTestsIsEmptyNeverPassed() throws IOException {
    Path project = fixture("pytest-empty");

    int code =
        evident(
            "run",
            "-C",
            project.toString(),
            "--",
            "python3",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("EMPTY: no tests found; nothing executed");
    assertThat(err.toString()).contains("nothing executed");
    out.getBuffer().setLength(0);
    assertThat(
            evident(
                "run",
                "-C",
                project.toString(),
                "--allow-empty",
                "--",
                "python3",
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider"))
        .isZero();
  }

  @Test
  void aPytestRunStoppedByItsTimeoutKeepsTheTestsThatEnded() throws IOException {
    Path project = fixture("pytest-hangs");

    // pytest's own writer writes at the end, which a stopped run never reaches: the two tests
    // that ended come from Evident's writer, which `evident run` installs for pytest.
    int code =
        evident(
            "run",
            "-C",
            project.toString(),
            "--timeout",
            "8s",
            "--json",
            "--",
            "python3",
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(run.get("counts").get("passed").asLong()).isEqualTo(1);
    assertThat(run.get("counts").get("failed").asLong()).isEqualTo(1);
  }

  @Test
  void aTimeoutStopsTheProcessTreeAndKeepsTheRunAsInterrupted() throws IOException {
    int code =
        evident(
            "run",
            "-C",
            dir.toString(),
            "--timeout",
            "1s",
            "--json",
            "--",
            "sh",
            "-c",
            "sleep 300 & echo $! >> pids.txt; (sleep 300 & echo $! >> pids.txt; wait) & echo $$ >> pids.txt; wait");

    assertThat(code).isEqualTo(1);
    assertThat(json().get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(json().get("runErrors").toString()).contains("stopped after the timeout of 1s");
    for (String pid : Files.readAllLines(dir.resolve("pids.txt"))) {
      assertThat(
              ProcessHandle.of(Long.parseLong(pid.strip()))
                  .map(ProcessHandle::isAlive)
                  .orElse(false))
          .as("pid %s", pid)
          .isFalse();
    }
  }

  @Test
  void aMissingRequirementBlocksTheRunBeforeTheCommandStarts() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(
        dir.resolve("evident.yaml"),
        "requires:\n  services:\n    redis: tcp://127.0.0.1:" + closedPort + "\n");

    int code = evident("run", "-C", dir.toString(), "--", "sh", "-c", "touch ran");

    assertThat(code).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("ran"))).isFalse();
    assertThat(out.toString()).contains("BLOCKED").contains("redis");
    assertThat(err.toString()).contains("a preflight requirement failed");
  }

  @Test
  void noPreflightRunsTheCommandDespiteAMissingRequirement() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(
        dir.resolve("evident.yaml"),
        "requires:\n  services:\n    redis: tcp://127.0.0.1:" + closedPort + "\n");

    int code =
        evident(
            "run", "-C", dir.toString(), "--no-preflight", "--json", "--", "sh", "-c", "touch ran");

    assertThat(Files.exists(dir.resolve("ran"))).isTrue();
    assertThat(json().get("status").asText()).isEqualTo("EMPTY");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void resultFilesOlderThanTheRunAreNeverCounted() throws IOException {
    Path stale = dir.resolve("results.tap");
    Files.writeString(stale, "1..1\nok 1 - from last week\n");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7 * 24 * 3600)));

    int code =
        evident(
            "run",
            "-C",
            dir.toString(),
            "--results",
            "*.tap",
            "--json",
            "--",
            "sh",
            "-c",
            "echo tests skipped today");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("EMPTY");
    assertThat(run.get("problems").toString())
        .contains("1 result files older than this run were ignored (stale)");
  }

  @Test
  void aCommandThatDoesNotExistIsBroken() throws IOException {
    int code =
        evident("run", "-C", dir.toString(), "--json", "--", "no-such-test-runner-xyz", "--all");

    assertThat(code).isEqualTo(1);
    assertThat(json().get("status").asText()).isEqualTo("BROKEN");
    assertThat(json().get("runErrors").toString())
        .contains("command not found: no-such-test-runner-xyz");
  }

  @Test
  void theCommandsOutputIsKeptAndShownByLogs() {
    evident(
        "run",
        "-C",
        dir.toString(),
        "--",
        "sh",
        "-c",
        "echo to stdout; echo to stderr >&2; exit 2");
    assertThat(out.toString()).contains("to stdout");
    out.getBuffer().setLength(0);

    assertThat(evident("logs", "latest")).isZero();

    assertThat(out.toString())
        .contains("== stderr")
        .contains("to stderr")
        .contains("== stdout")
        .contains("to stdout");
  }

  @Test
  void recordsOnlyTheEnvironmentValuesItIsAskedTo() throws IOException {
    evident(
        "run", "-C", dir.toString(), "--record-env", "PATH", "--json", "--", "sh", "-c", "true");

    JsonNode attributes = json().get("attributes");
    assertThat(attributes.get("env.PATH").asText()).isEqualTo(System.getenv("PATH"));
    List<String> envKeys = new ArrayList<>();
    attributes
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (k.startsWith("env.")) {
                envKeys.add(k);
              }
            });
    assertThat(envKeys).containsExactly("env.PATH");
  }

  @Test
  void aMavenProjectIsReadFromItsSurefireReports() throws IOException {
    Path project = fixture("maven-calc");
    String mvnw = Path.of("mvnw").toAbsolutePath().toString();

    int code =
        evident(
            "run",
            "-C",
            project.toString(),
            "--quiet",
            "--json",
            "--",
            mvnw,
            "-o",
            "-q",
            "-B",
            "test");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("counts").get("executed").asLong()).isEqualTo(2);
    assertThat(run.get("counts").get("failed").asLong()).isEqualTo(1);
    assertThat(run.get("attributes").get("runner").asText()).isEqualTo("maven");
  }

  @Test
  void nodesBuiltInTestRunnerIsReadFromItsTapReport() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        onPath("node"), "node is not installed here: the node:test run is not exercised");
    Files.writeString(
        dir.resolve("cart.test.mjs"),
        """
        import test from 'node:test';
        import assert from 'node:assert';
        test('adds an item', () => { assert.strictEqual(1 + 1, 2); });
        test('totals', () => { assert.strictEqual(1 + 2, 4); });
        """);

    int code = evident("run", "-C", dir.toString(), "--quiet", "--json", "--", "node", "--test");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("attributes").get("runner").asText()).isEqualTo("node-test");
    assertThat(run.get("failures").get(0).get("name").asText()).isEqualTo("totals");
    assertThat(run.get("problems")).isEmpty();
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
