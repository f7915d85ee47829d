package dev.evident.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/** Counts what is read through it and fails with a 413 once more than a limit is read. */
final class Limited extends FilterInputStream {

  private final long limit;
  private final LongFunction<HttpProblem> tooLarge;
  private long count;

  Limited(InputStream in, long limit, LongFunction<HttpProblem> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {}

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw tooLarge.apply(count);
    }
  }
}
