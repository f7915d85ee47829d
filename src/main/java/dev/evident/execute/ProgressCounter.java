package dev.evident.execute;

/**
 * Counts finished and failed tests from a runner's output lines as they come, for the live progress
 * line. Called from one thread; {@link #finished} and {@link #failed} may be read from another, so
 * implementations keep them in volatile fields. Either count is -1 when the runner's output does
 * not tell it (Gradle prints failing tests only, so it knows failures but not how many finished).
 */
public interface ProgressCounter {

  /** One line of the command's output (stdout or stderr), without the line end. */
  void line(String line);

  /** Tests finished so far, skipped ones included; -1 when unknown. */
  long finished();

  /** Tests failed or errored so far; -1 when unknown. */
  long failed();

  ProgressCounter NONE =
      new ProgressCounter() {
        @Override
        public void line(String line) {}

        @Override
        public long finished() {
          return -1;
        }

        @Override
        public long failed() {
          return -1;
        }
      };
}
