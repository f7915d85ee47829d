package dev.evident.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a command and everything it started. On Linux the command runs in a session of its own
 * ({@code setsid}), so its whole process group can be signalled, including children that outlived
 * their parent; elsewhere the known descendants are signalled one by one. TERM first, KILL after a
 * grace period.
 */
final class ProcessTree {

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Path KILL = Path.of("/bin/kill");

  private ProcessTree() {}

  /** The command line that starts {@code command} in its own session when that is possible. */
  static List<String> inOwnGroup(List<String> command) {
    if (!Files.isExecutable(SETSID) || !Files.isExecutable(KILL)) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add(SETSID.toString());
    wrapped.addAll(command);
    return wrapped;
  }

  static boolean groups(List<String> started) {
    return !started.isEmpty() && started.get(0).equals(SETSID.toString());
  }

  /**
   * Stops the process and its descendants: TERM, then KILL to whatever is left after {@code grace}.
   * Returns when all are gone or KILL was sent.
   */
  static void stop(Process process, boolean grouped, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    if (grouped) {
      signalGroup(process.pid(), "TERM");
    }
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) {
      List<ProcessHandle> left = new ArrayList<>(process.descendants().toList());
      left.addAll(tree);
      if (grouped) {
        signalGroup(process.pid(), "KILL");
      }
      left.forEach(ProcessHandle::destroyForcibly);
      awaitExit(left, Duration.ofSeconds(2));
    }
  }

  /**
   * After the command ended on its own, stops what it left running in its group (a server a test
   * started in the background): no orphans outlive a run.
   */
  static void stopLeftovers(Process process, boolean grouped, Duration grace) {
    if (!grouped) {
      process.descendants().forEach(ProcessHandle::destroy);
      return;
    }
    if (signalGroup(process.pid(), "TERM")) {
      // something was still there: give it the grace period, then make sure
      long deadline = System.nanoTime() + grace.toNanos();
      while (System.nanoTime() < deadline && signalGroup(process.pid(), "0")) {
        try {
          TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      signalGroup(process.pid(), "KILL");
    }
  }

  private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
    CompletableFuture<?>[] exits =
        handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends a signal to a process group; true when some process received it. */
  private static boolean signalGroup(long pgid, String signal) {
    try {
      Process kill =
          new ProcessBuilder(KILL.toString(), "-" + signal, "--", "-" + pgid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
