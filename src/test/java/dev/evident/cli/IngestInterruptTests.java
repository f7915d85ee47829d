package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.bench.JunitGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code evident ingest} process writing a new database: the database it was
 * writing aside is deleted, and nothing is left at the database's path.
 */
class IngestInterruptTests {

  @TempDir Path dir;

  @Test
  void ctrlCDuringAnIngestIntoANewDatabaseLeavesNoFileBehind() throws Exception {
    Path xml = dir.resolve("junit.xml");
    JunitGenerator.main(new String[] {xml.toString(), "500000", "5000"});
    Path db = dir.resolve("evident.db");
    Process evident =
        Cli.process("ingest", xml.toString(), "--db", db.toString(), "--max-failures", "0")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("evident-output.txt").toFile())
            .start();
    Path aside = dir.resolve("evident.db.new-" + evident.pid());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    // interrupted while it stores results (past the store's opening, whose migrations may reopen
    // it)
    while (!Files.exists(aside) || Files.size(aside) < 4 << 20) {
      assertThat(System.nanoTime()).as("the new database never appeared").isLessThan(deadline);
      assertThat(evident.isAlive())
          .as("evident ended early: %s", Files.readString(dir.resolve("evident-output.txt")))
          .isTrue();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertThat(db).doesNotExist();

    new ProcessBuilder("kill", "-INT", Long.toString(evident.pid())).start().waitFor();

    assertThat(evident.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(evident.exitValue()).isNotZero();
    assertThat(aside).doesNotExist();
    assertThat(db).doesNotExist();
  }
}
