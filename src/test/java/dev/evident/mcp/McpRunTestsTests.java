package dev.evident.mcp;

import static dev.evident.mcp.McpStdioTests.list;
import static dev.evident.mcp.McpStdioTests.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.service.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run_tests over stdio with a real command: a handle at once, get_run following it until the run is
 * stored, then its logs and diagnosis by the same handle.
 */
class McpRunTestsTests {

  /** Prints two lines, waits for a file named go, writes JUnit XML with one failure, exits 1. */
  private static final String SUITE =
      """
      #!/bin/sh
      echo "collecting tests"
      echo "needle: the second line"
      while [ ! -f go ]; do sleep 0.05; done
      cat > results.xml <<'XML'
      <testsuite name="quick" tests="2" failures="1">
        <testcase classname="quick" name="passes" time="0.01"/>
        <testcase classname="quick" name="fails" time="0.02">
          <failure message="expected: &lt;2&gt; but was: &lt;3&gt;">org.opentest4j.AssertionFailedError: expected: &lt;2&gt; but was: &lt;3&gt;</failure>
        </testcase>
      </testsuite>
      XML
      echo "suite done" >&2
      exit 1
      """;

  @TempDir Path dir;

  private StdioPeer peer;
  private Path work;

  @BeforeEach
  void start() throws Exception {
    work = Files.createDirectories(dir.resolve("quick"));
    Files.writeString(work.resolve("suite.sh"), SUITE);
    peer = StdioPeer.start(dir.resolve("evident.db"));
  }

  @AfterEach
  void stop() {
    peer.close();
  }

  @Test
  void runTestsReturnsAHandleAtOnceAndGetRunWaitsUntilTheRunIsStored() throws Exception {
    Map<String, Object> started =
        peer.call(
            "run_tests",
            Map.of(
                "command", List.of("sh", "suite.sh"),
                "directory", work.toString(),
                "results", List.of("results.xml"),
                "labels", Map.of("agent", "test")));

    assertThat(started)
        .containsEntry("handle", "task:1")
        .containsEntry("status", "RUNNING")
        .containsEntry("project", "quick");
    Map<String, Object> running = peer.call("get_run", Map.of("run", "task:1", "wait_seconds", 1));
    assertThat(running)
        .as("still waiting for the go file after a bounded wait")
        .containsEntry("status", "RUNNING")
        .containsEntry("done", false)
        .containsEntry("run", null);
    assertThat(((Number) map(running.get("progress")).get("elapsedSeconds")).doubleValue())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(list(peer.call("list_runs", Map.of()).get("running")))
        .extracting(t -> t.get("handle"))
        .containsExactly("task:1");
    assertThat(peer.error("diagnose_run", Map.of("run", "task:1")))
        .contains("task:1 is still running")
        .contains("wait_seconds");
    Map<String, Object> live = liveLines(Map.of("run", "task:1", "search", "needle"));
    assertThat(live)
        .containsEntry("live", true)
        .containsEntry("run", null)
        .containsEntry("handle", "task:1");
    assertThat(list(live.get("lines")))
        .containsExactly(Map.of("line", 2, "text", "needle: the second line"));

    Files.writeString(work.resolve("go"), "");
    Map<String, Object> done = peer.call("get_run", Map.of("run", "task:1", "wait_seconds", 60));

    assertThat(done)
        .containsEntry("handle", "task:1")
        .containsEntry("status", "FAILED")
        .containsEntry("done", true)
        .containsEntry("failures", 1);
    Map<String, Object> run = map(done.get("run"));
    assertThat(run).containsEntry("run", 1).containsEntry("exitCode", 1);
    assertThat(map(run.get("counts")))
        .containsEntry("collected", 2)
        .containsEntry("executed", 2)
        .containsEntry("passed", 1)
        .containsEntry("failed", 1);
    assertThat(map(run.get("labels"))).containsEntry("agent", "test");
    assertThat(list(done.get("topCauses")).get(0))
        .containsEntry("category", "assertion_failure")
        .containsEntry("count", 1);
    assertThat(list(peer.call("list_runs", Map.of()).get("running"))).isEmpty();

    Map<String, Object> found = peer.call("get_logs", Map.of("run", "task:1", "search", "NEEDLE"));
    assertThat(found)
        .containsEntry("run", 1)
        .containsEntry("live", false)
        .containsEntry("matches", 1);
    assertThat(list(found.get("lines")))
        .containsExactly(Map.of("line", 2, "text", "needle: the second line"));
    Map<String, Object> page = peer.call("get_logs", Map.of("run", "1", "limit", 1));
    assertThat(page).containsEntry("totalLines", 2).containsEntry("nextOffset", 1);
    assertThat(list(page.get("lines")))
        .extracting(l -> l.get("text"))
        .containsExactly("collecting tests");
    assertThat(list(peer.call("get_logs", Map.of("stream", "stderr")).get("lines")))
        .extracting(l -> l.get("text"))
        .containsExactly("suite done");
    assertThat(list(peer.call("diagnose_run", Map.of("run", "task:1")).get("groups")))
        .extracting(g -> g.get("evidence"))
        .containsExactly("expected: <2> but was: <3>");
  }

  @Test
  void stoppingTheServerStopsARunningCommandAndStoresItsRunAsInterrupted() {
    Map<String, Object> started =
        peer.call(
            "run_tests",
            Map.of("command", List.of("sh", "suite.sh"), "directory", work.toString()));
    assertThat(started).containsEntry("status", "RUNNING");
    assertThat(peer.call("get_run", Map.of("run", "task:1"))).containsEntry("status", "RUNNING");

    peer.close();

    try (Workspace workspace = Workspace.open(dir.resolve("evident.db").toString())) {
      Run run = stored(workspace);
      assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
      assertThat(run.project()).isEqualTo("quick");
    }
  }

  /** get_logs of a running command, once its output has reached the server. */
  private Map<String, Object> liveLines(Map<String, Object> arguments) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Map<String, Object> out = peer.call("get_logs", arguments);
    while (list(out.get("lines")).isEmpty()) {
      assertThat(System.nanoTime()).as("no output within 60 s: %s", out).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      out = peer.call("get_logs", arguments);
    }
    return out;
  }

  /** The first run stored: the client may stop waiting for the server before it has exited. */
  private static Run stored(Workspace workspace) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (workspace.runs().runs(null, 1).isEmpty()) {
      assertThat(System.nanoTime()).as("no run stored within 60 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    return workspace.runs().runs(null, 1).get(0);
  }

  @Test
  void aCommandThatCannotStartIsStoredAsBrokenWithTheReason() {
    Map<String, Object> started =
        peer.call(
            "run_tests", Map.of("command", "./no-such-suite --all", "directory", work.toString()));
    String handle = (String) started.get("handle");

    Map<String, Object> done = peer.call("get_run", Map.of("run", handle, "wait_seconds", 60));

    assertThat(done).containsEntry("done", true).containsEntry("status", "BROKEN");
    assertThat(map(map(done.get("run")).get("counts"))).containsEntry("executed", 0);
    assertThat((String) done.get("message")).startsWith("BROKEN");
  }

  @Test
  void overStdioASuiteIsRefusedForThereIsNoTaskQueueAndParametersNeedASuite() {
    assertThat(peer.error("run_tests", Map.of("suite", "smoke")))
        .contains("suite needs the task queue of evident serve")
        .contains("give command instead");
    assertThat(peer.error("run_tests", Map.of("command", "true", "models", List.of("m1"))))
        .contains("parameters and models go with suite, not with command");
  }
}
