package dev.evident.execute;

/**
 * Where a command's output goes while it runs (the user's terminal, usually). Called from the two
 * threads that read the command's stdout and stderr; implementations synchronize.
 */
public interface OutputSink {

  /** The command's output streams. */
  enum Stream {
    STDOUT,
    STDERR
  }

  void write(Stream stream, byte[] bytes, int offset, int length);

  OutputSink DISCARD = (stream, bytes, offset, length) -> {};
}
