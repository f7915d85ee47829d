package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code evident run} with real processes: shell scripts, supervision, preflight, logs. */
class RunCommandTests extends RunCommandFixture {

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
    requireRedisOnAClosedPort();

    int code = evident("run", "-C", dir.toString(), "--", "sh", "-c", "touch ran");

    assertThat(code).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("ran"))).isFalse();
    assertThat(out.toString()).contains("BLOCKED").contains("redis");
    assertThat(err.toString()).contains("a preflight requirement failed");
  }

  @Test
  void noPreflightRunsTheCommandDespiteAMissingRequirement() throws IOException {
    requireRedisOnAClosedPort();

    int code =
        evident(
            "run", "-C", dir.toString(), "--no-preflight", "--json", "--", "sh", "-c", "touch ran");

    assertThat(Files.exists(dir.resolve("ran"))).isTrue();
    assertThat(json().get("status").asText()).isEqualTo("EMPTY");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void aReportMayNameTheModuleDirectoriesTheRunWroteItsResultsIn() throws IOException {
    int code =
        evident(
            "run",
            "-C",
            dir.toString(),
            "--results",
            "**/out/*.tap",
            "--",
            "sh",
            "-c",
            "mkdir -p core/out web/out;"
                + " printf '1..2\\nok 1 - adds\\nok 2 - removes\\n' > core/out/unit.tap;"
                + " printf '1..1\\nnot ok 1 - renders\\n' > web/out/ui.tap");
    assertThat(code).isEqualTo(1);
    Path report = dir.resolve("report.md");
    Files.writeString(report, "# Tests\n\n- core: 2/2 passing\n- web: 1/1 passing\n");
    out.getBuffer().setLength(0);

    evident("verify", report.toString());

    assertThat(out.toString())
        .contains("core: 2/2 passing → SUPPORTED")
        .contains("result files in core (2 tests)")
        .contains("web: 1/1 passing → CONTRADICTED");
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

  /** An evident.yaml that requires a Redis on a port nothing listens on. */
  private void requireRedisOnAClosedPort() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(
        dir.resolve("evident.yaml"),
        "requires:\n  services:\n    redis: tcp://127.0.0.1:" + closedPort + "\n");
  }
}
