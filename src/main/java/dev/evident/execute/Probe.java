package dev.evident.execute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command (a {@code --version}) with a time limit and returns what it printed. A
 * command that does not finish in time is killed with its child processes.
 */
final class Probe {

  private static final int MAX_OUTPUT = 64 * 1024;

  /** How a probe ended. */
  enum Status {
    EXITED,
    TIMED_OUT,
    NOT_STARTED
  }

  /**
   * What a probe did.
   *
   * @param status how it ended
   * @param exitCode the exit code when it exited, else -1
   * @param output stdout and stderr together (at most 64 KB), or why it did not start
   */
  record Result(Status status, int exitCode, String output) {
    boolean succeeded() {
      return status == Status.EXITED && exitCode == 0;
    }
  }

  private Probe() {}

  static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result(Status.NOT_STARTED, -1, String.valueOf(e.getMessage()).strip());
    }
    try {
      process.getOutputStream().close(); // nothing to read: a probe waiting for input ends at once
    } catch (IOException e) {
      // the process exited already; its output tells
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return new Result(Status.TIMED_OUT, -1, text(output));
      }
      // A grandchild may hold the pipe open after the probe exits; do not wait for it long.
      reader.join(Duration.ofSeconds(1));
      return new Result(Status.EXITED, process.exitValue(), text(output));
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return new Result(Status.TIMED_OUT, -1, text(output));
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(1, TimeUnit.SECONDS);
      process.getInputStream().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // closing a dead process's pipe: nothing left to do
    }
  }

  /** Keeps the first 64 KB and reads the rest away, so the process never blocks on a full pipe. */
  private static void drain(InputStream in, ByteArrayOutputStream output) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (output) {
          output.write(buffer, 0, Math.max(0, Math.min(n, MAX_OUTPUT - output.size())));
        }
      }
    } catch (IOException e) {
      // the pipe closed under us (the process was killed): keep what was read
    }
  }

  private static String text(ByteArrayOutputStream output) {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }
}
