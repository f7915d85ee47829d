package dev.evident.execute;

/**
 * A progress counter that adds up what its lines say. One thread calls {@link #line}; the counts
 * are volatile so another thread can read them.
 */
abstract class Counting implements ProgressCounter {

  private volatile long finished;
  private volatile long failed;

  @Override
  public final void line(String line) {
    read(Lines.clean(line));
  }

  /** One output line, colour codes removed. */
  abstract void read(String line);

  /** Adds finished tests, of which {@code failures} failed or errored. */
  final void add(long tests, long failures) {
    // Single writer: read-modify-write on the volatile fields is safe.
    finished += tests;
    failed += failures;
  }

  @Override
  public long finished() {
    return finished;
  }

  @Override
  public long failed() {
    return failed;
  }
}
