package dev.evident.cli;

import dev.evident.service.RunService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during {@code evident run}: stops the command, and the JVM waits for its run to be kept.
 */
final class CtrlC {

  private CtrlC() {}

  /**
   * Does {@code work} (running the command and storing its run) so that Ctrl-C stops the command
   * and waits, up to a minute, for the interrupted run to be stored.
   */
  static int cancellable(RunService service, java.util.function.IntSupplier work) {
    CountDownLatch stored = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              service.cancel();
              try {
                stored.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "evident-interrupt");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      return work.getAsInt();
    } finally {
      stored.countDown();
      removeHook(onCtrlC);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
    }
  }
}
