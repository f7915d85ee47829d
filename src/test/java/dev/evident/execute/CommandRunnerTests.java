package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTests {

  @TempDir Path dir;

  private static CommandRunner.Options options(
      Duration timeout, OutputSink sink, ProgressCounter progress) {
    return new CommandRunner.Options(timeout, Duration.ofSeconds(2), sink, progress, null);
  }

  private CommandRunner runner(String script, Duration timeout) {
    return new CommandRunner(
        List.of("sh", "-c", script),
        dir,
        Map.of("GREETING", "hello"),
        options(timeout, OutputSink.DISCARD, ProgressCounter.NONE));
  }

  /** The pids a script wrote to pids.txt, one per line, once the file is complete. */
  private List<Long> pids(int expected) throws IOException {
    Path file = dir.resolve("pids.txt");
    List<Long> pids = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        pids.add(Long.parseLong(line.strip()));
      }
    }
    assertThat(pids).hasSize(expected);
    return pids;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void runsACommandKeepingItsOutputAndExitCode() {
    List<String> lines = new ArrayList<>();
    StringBuilder passedThrough = new StringBuilder();
    ProgressCounter counter =
        new ProgressCounter() {
          @Override
          public void line(String line) {
            synchronized (lines) {
              lines.add(line);
            }
          }

          @Override
          public long finished() {
            return lines.size();
          }

          @Override
          public long failed() {
            return 0;
          }
        };
    OutputSink sink =
        (stream, bytes, offset, length) -> {
          synchronized (passedThrough) {
            passedThrough.append(stream).append(':').append(new String(bytes, offset, length));
          }
        };
    var outcome =
        new CommandRunner(
                List.of("sh", "-c", "echo $GREETING; echo oops >&2; exit 3"),
                dir,
                Map.of("GREETING", "hello"),
                options(null, sink, counter))
            .run();

    assertThat(outcome.ran()).isTrue();
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.stdout().text()).isEqualTo("hello\n");
    assertThat(outcome.stderr().text()).isEqualTo("oops\n");
    // the two streams arrive on two threads: their order in the combined tail is not fixed
    assertThat(outcome.tail(10)).containsExactlyInAnyOrder("hello", "oops");
    assertThat(lines).containsExactlyInAnyOrder("hello", "oops");
    assertThat(passedThrough.toString()).contains("STDOUT:hello").contains("STDERR:oops");
  }

  @Test
  void aMissingCommandIsReportedWithoutStarting() {
    var outcome =
        new CommandRunner(
                List.of("no-such-runner-xyz", "--all"),
                dir,
                Map.of(),
                options(null, OutputSink.DISCARD, ProgressCounter.NONE))
            .run();

    assertThat(outcome.ran()).isFalse();
    assertThat(outcome.startError())
        .isEqualTo("command not found: no-such-runner-xyz (not on PATH)");
  }

  @Test
  void aTimeoutStopsTheWholeProcessTreeAndLeavesNoSurvivors() throws IOException {
    var outcome =
        runner(
                "sleep 300 & echo $! >> pids.txt; (sleep 300 & echo $! >> pids.txt; wait) & echo $$ >> pids.txt; wait",
                Duration.ofMillis(1500))
            .run();

    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.exitCode()).isNotZero();
    for (long pid : pids(3)) {
      assertThat(alive(pid)).as("process %d", pid).isFalse();
    }
  }

  @Test
  void cancellingFromAnotherThreadStopsTheCommand() throws Exception {
    CommandRunner runner = runner("echo $$ > pids.txt; exec sleep 300", null);
    CompletableFuture<CommandRunner.Outcome> outcome = CompletableFuture.supplyAsync(runner::run);
    waitFor(() -> Files.exists(dir.resolve("pids.txt")) && Files.size(dir.resolve("pids.txt")) > 0);

    runner.cancel();

    var ended = outcome.get(30, TimeUnit.SECONDS);
    assertThat(ended.cancelled()).isTrue();
    assertThat(alive(pids(1).get(0))).isFalse();
  }

  @Test
  void processesLeftInTheBackgroundAreStoppedWhenTheCommandEnds() throws IOException {
    var outcome = runner("sleep 300 > /dev/null 2>&1 & echo $! > pids.txt; exit 0", null).run();

    assertThat(outcome.exitCode()).isZero();
    assertThat(alive(pids(1).get(0))).isFalse();
  }

  @Test
  void keepsHeadAndTailOfHugeOutput() {
    var outcome =
        runner(
                "i=0; while [ $i -lt 30000 ]; do echo \"line $i of a chatty test\"; i=$((i+1)); done",
                null)
            .run();

    assertThat(outcome.stdout().total())
        .isGreaterThan(CommandRunner.LOG_HEAD + CommandRunner.LOG_TAIL);
    assertThat(outcome.stdout().text())
        .startsWith("line 0 of")
        .contains("bytes omitted by Evident")
        .endsWith("line 29999 of a chatty test\n");
  }

  /** Polls a condition with a deadline: the process under test signals through a file. */
  private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 20 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
