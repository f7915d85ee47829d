package dev.evident.execute;

/**
 * Counts finished and failed tests from a runner's output lines as they come, for the live progress
 * line. Called from one thread; {@link #finished} and {@link #failed} may be read from another, so
 * implementations keep them in volatile fields.
 */
public interface ProgressCounter {

  /** One line of the command's output (stdout or stderr), without the line end. */
  void line(String line);

  long finished();

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
