package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.service.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code evident run} process: its command is stopped and the run kept. */
class RunInterruptTests {

  @TempDir Path dir;

  @Test
  void ctrlCStopsTheCommandAndStoresAnInterruptedRun() throws Exception {
    Path db = dir.resolve("evident.db");
    Path pidFile = dir.resolve("pid.txt");
    Process evident =
        Cli.process(
                "run",
                "--db",
                db.toString(),
                "-C",
                dir.toString(),
                "--",
                "sh",
                "-c",
                "echo $$ > pid.txt; sleep 300")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("evident-output.txt").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(pidFile) || Files.size(pidFile) == 0) {
      assertThat(System.nanoTime()).as("the command never started").isLessThan(deadline);
      assertThat(evident.isAlive())
          .as("evident ended early: %s", Files.readString(dir.resolve("evident-output.txt")))
          .isTrue();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    long child = Long.parseLong(Files.readString(pidFile).strip());

    new ProcessBuilder("kill", "-INT", Long.toString(evident.pid())).start().waitFor();

    assertThat(evident.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(evident.exitValue()).isEqualTo(130);
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    try (Workspace workspace = Workspace.open(db.toString())) {
      Run run = workspace.runs().resolve("latest", null);
      assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
    }
    assertThat(Files.readString(dir.resolve("evident-output.txt"))).contains("INTERRUPTED");
  }
}
