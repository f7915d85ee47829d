package dev.evident.cli;

import dev.evident.service.IngestService;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr for large inputs, shown only when stderr is a terminal and
 * the input is over a few megabytes, redrawn at most five times a second.
 */
final class ProgressBar implements IngestService.Progress, AutoCloseable {

  private static final long MIN_BYTES = 4L << 20;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private long tests;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ProgressBar onTerminal(PrintWriter err) {
    return new ProgressBar(err, Terminal.stderrIsTerminal());
  }

  @Override
  public synchronized void update(long bytesRead, long totalBytes, long testsSoFar) {
    if (testsSoFar >= 0) {
      tests = testsSoFar;
    }
    if (!enabled || totalBytes < MIN_BYTES) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double fraction = Math.min(1.0, (double) bytesRead / totalBytes);
    int width = 30;
    int filled = (int) Math.round(fraction * width);
    err.print(
        String.format(
            Locale.ROOT,
            "\r  reading [%s%s] %3.0f%%  %,d of %,d MB  %.1f s",
            "#".repeat(filled),
            " ".repeat(width - filled),
            fraction * 100,
            bytesRead >> 20,
            totalBytes >> 20,
            (now - startNanos) / 1e9));
    err.flush();
    drawn = true;
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(78) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
