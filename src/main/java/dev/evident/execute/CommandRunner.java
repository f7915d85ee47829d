package dev.evident.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command under supervision: output passed through and kept (bounded), progress counted from
 * its lines, a timeout and cancellation that stop the whole process tree, and nothing left running
 * afterwards. One instance runs one command.
 */
public final class CommandRunner {

  /** Bytes of each stream kept from the start and from the end. */
  static final int LOG_HEAD = 64 * 1024;

  static final int LOG_TAIL = 512 * 1024;

  /** Bytes of both streams together kept from the start and from the end, for the adapters. */
  static final int COMBINED = 1024 * 1024;

  /**
   * How to run.
   *
   * @param timeout stop the command after this long, or null for no limit
   * @param grace how long TERM has before KILL
   * @param sink where the output goes while it runs
   * @param progress counts tests from the output lines
   * @param stdoutCopy a file to write the whole stdout to (a result stream), or null
   */
  public record Options(
      Duration timeout,
      Duration grace,
      OutputSink sink,
      ProgressCounter progress,
      Path stdoutCopy) {
    public Options {
      Objects.requireNonNull(grace, "grace");
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /**
   * How the command ended.
   *
   * @param exitCode its exit code, or -1 when it could not start
   * @param startError why it could not start, or null
   * @param timedOut whether the timeout stopped it
   * @param cancelled whether {@link #cancel} stopped it
   * @param started when it started
   * @param finished when it ended
   * @param stdout its standard output, bounded
   * @param stderr its standard error, bounded
   * @param combined both streams in the order they arrived, bounded (for runners that print a
   *     test's name on one stream and its result on the other)
   */
  public record Outcome(
      int exitCode,
      String startError,
      boolean timedOut,
      boolean cancelled,
      Instant started,
      Instant finished,
      OutputCapture stdout,
      OutputCapture stderr,
      OutputCapture combined) {

    public boolean ran() {
      return startError == null;
    }

    public boolean stopped() {
      return timedOut || cancelled;
    }

    /** The last lines of both streams as they came, for explaining a broken run. */
    public List<String> tail(int lines) {
      return combined.lastLines(lines);
    }

    /** Every kept line of both streams as they came (head and tail of a long output). */
    public List<String> lines() {
      return combined.text().lines().toList();
    }
  }

  private final List<String> command;
  private final Path workDir;
  private final Map<String, String> environment;
  private final Options options;
  private volatile Process process;
  private volatile boolean grouped;
  private volatile boolean cancelled;
  private final Object stopping = new Object();
  private final CountDownLatch startTried = new CountDownLatch(1);

  public CommandRunner(
      List<String> command, Path workDir, Map<String, String> environment, Options options) {
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
    this.options = options;
  }

  /**
   * Waits until {@link #run} has started the command (or found it cannot), at most {@code limit}:
   * work that can wait, such as probing the environment, then leaves the command the first turn on
   * the CPU.
   */
  public void awaitStart(Duration limit) throws InterruptedException {
    startTried.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the command has started and not yet ended. */
  public boolean running() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Runs the command to its end (or its timeout, or cancellation) and says how it ended. */
  public Outcome run() {
    OutputCapture stdout = new OutputCapture(LOG_HEAD, LOG_TAIL);
    OutputCapture stderr = new OutputCapture(LOG_HEAD, LOG_TAIL);
    OutputCapture combined = new OutputCapture(COMBINED, COMBINED);
    Instant started = Instant.now();
    String missing = Commands.missing(command.get(0), workDir);
    if (missing != null) {
      startTried.countDown();
      return new Outcome(
          -1, missing, false, false, started, Instant.now(), stdout, stderr, combined);
    }
    List<String> startCommand = ProcessTree.inOwnGroup(command);
    ProcessBuilder builder = new ProcessBuilder(startCommand).directory(workDir.toFile());
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p;
    try {
      p = builder.start();
    } catch (IOException e) {
      return new Outcome(
          -1, startError(e), false, false, started, Instant.now(), stdout, stderr, combined);
    } finally {
      startTried.countDown();
    }
    synchronized (stopping) {
      process = p;
      grouped = ProcessTree.groups(startCommand);
      if (cancelled) {
        ProcessTree.stop(p, grouped, options.grace());
      }
    }
    closeQuietly(p.getOutputStream());
    Thread out =
        pump(p.getInputStream(), OutputSink.Stream.STDOUT, stdout, combined, options.stdoutCopy());
    Thread err = pump(p.getErrorStream(), OutputSink.Stream.STDERR, stderr, combined, null);
    boolean timedOut = false;
    try {
      if (options.timeout() == null) {
        p.waitFor();
      } else if (!p.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        ProcessTree.stop(p, grouped, options.grace());
        p.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
    }
    ProcessTree.stopLeftovers(p, grouped, options.grace());
    join(out);
    join(err);
    int exit = p.exitValue();
    if (grouped && exit == 127 && stderr.text().contains("setsid: failed to execute")) {
      return new Outcome(
          -1,
          "command not found: " + command.get(0),
          false,
          false,
          started,
          Instant.now(),
          stdout,
          stderr,
          combined);
    }
    return new Outcome(
        exit,
        null,
        timedOut,
        cancelled && !timedOut,
        started,
        Instant.now(),
        stdout,
        stderr,
        combined);
  }

  /** Stops the command and everything it started (TERM, then KILL); safe from any thread. */
  public void cancel() {
    synchronized (stopping) {
      cancelled = true;
      if (process != null && process.isAlive()) {
        ProcessTree.stop(process, grouped, options.grace());
      }
    }
  }

  private static String startError(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("error=2") || message.contains("No such file")) {
      return "command not found: "
          + message.replaceAll("^Cannot run program \"([^\"]*)\".*$", "$1");
    }
    if (message.contains("error=13")) {
      return "permission denied: "
          + message.replaceAll("^Cannot run program \"([^\"]*)\".*$", "$1");
    }
    return message;
  }

  private Thread pump(
      InputStream in,
      OutputSink.Stream stream,
      OutputCapture capture,
      OutputCapture combined,
      Path copy) {
    return Thread.ofPlatform()
        .name("evident-" + stream.name().toLowerCase(java.util.Locale.ROOT))
        .daemon()
        .start(
            () -> {
              LineSplitter lines = new LineSplitter(options.progress());
              byte[] buffer = new byte[16 * 1024];
              try (in;
                  OutputStream file =
                      copy == null
                          ? OutputStream.nullOutputStream()
                          : Files.newOutputStream(copy)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  capture.write(buffer, 0, n);
                  combined.write(buffer, 0, n);
                  file.write(buffer, 0, n);
                  options.sink().write(stream, buffer, 0, n);
                  lines.feed(buffer, n);
                }
                lines.finish();
              } catch (IOException e) {
                if (copy != null) {
                  throw new UncheckedIOException("cannot write " + copy, e);
                }
                // the stream closed under us: the process is gone
              }
            });
  }

  private static void join(Thread t) {
    try {
      t.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // nothing to tell: the command reads no input
    }
  }
}
