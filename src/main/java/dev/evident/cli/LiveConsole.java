package dev.evident.cli;

import dev.evident.service.RunService;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a person sees while {@code evident run} runs: the command's output passed through (unless
 * quiet), and on a terminal a progress line on stderr (elapsed time, tests finished, failed so
 * far), cleared before output is written and drawn again after, so a long run never looks frozen.
 */
final class LiveConsole implements RunService.Watcher, AutoCloseable {

  private static final long REDRAW_MILLIS = 500;

  private final long redrawMillis;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private final CharsetDecoder stdoutDecoder = decoder();
  private final CharsetDecoder stderrDecoder = decoder();
  private byte[] stdoutCarry = new byte[0];
  private byte[] stderrCarry = new byte[0];
  private volatile Thread ticker;
  private volatile Instant started;
  private volatile RunService.Progress counter;
  private boolean drawn;

  /** The command's last output did not end a line: drawing now would overwrite it. */
  private boolean lineOpen;

  LiveConsole(PrintWriter out, PrintWriter err, boolean quiet, boolean terminal) {
    this(out, err, quiet, terminal, REDRAW_MILLIS);
  }

  /** With another redraw period: tests use a long one, so that only output redraws the line. */
  LiveConsole(
      PrintWriter out, PrintWriter err, boolean quiet, boolean terminal, long redrawMillis) {
    this.redrawMillis = redrawMillis;
    this.out = out;
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  @Override
  public synchronized void output(boolean stderr, byte[] bytes, int offset, int length) {
    if (quiet) {
      return;
    }
    clear();
    boolean toOut = !stderr;
    CharsetDecoder decoder = toOut ? stdoutDecoder : stderrDecoder;
    byte[] carried = toOut ? stdoutCarry : stderrCarry;
    // the bytes of a character split across two chunks wait for the rest of it
    ByteBuffer in =
        ByteBuffer.allocate(carried.length + length).put(carried).put(bytes, offset, length).flip();
    CharBuffer chars = CharBuffer.allocate(in.remaining() + 4);
    decoder.decode(in, chars, false);
    byte[] rest = new byte[in.remaining()];
    in.get(rest);
    if (toOut) {
      stdoutCarry = rest;
    } else {
      stderrCarry = rest;
    }
    chars.flip();
    PrintWriter target = toOut ? out : err;
    if (chars.hasRemaining()) {
      lineOpen = chars.get(chars.limit() - 1) != '\n';
    }
    target.append(chars);
    target.flush();
    draw();
  }

  @Override
  public void started(Instant at, RunService.Progress progress) {
    this.started = at;
    this.counter = progress;
    if (!terminal) {
      return;
    }
    ticker =
        Thread.ofPlatform()
            .daemon()
            .name("evident-progress")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Thread.sleep(redrawMillis);
                    } catch (InterruptedException e) {
                      return;
                    }
                    synchronized (this) {
                      clear();
                      draw();
                    }
                  }
                });
  }

  @Override
  public void ended() {
    close();
  }

  @Override
  public synchronized void close() {
    Thread t = ticker;
    ticker = null;
    if (t != null) {
      t.interrupt();
    }
    clear();
  }

  private void clear() {
    if (drawn) {
      err.print("\r\033[2K");
      err.flush();
      drawn = false;
    }
  }

  private void draw() {
    if (!terminal || ticker == null || started == null || counter == null || lineOpen) {
      return;
    }
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "  evident: running %.1f s", seconds));
    long finished = counter.finished();
    if (finished >= 0) {
      line.append(String.format(Locale.ROOT, " · %,d tests done", finished));
      long failed = counter.failed();
      if (failed > 0) {
        line.append(String.format(Locale.ROOT, " · %,d failed", failed));
      }
    }
    err.print(line);
    err.flush();
    drawn = true;
  }
}
