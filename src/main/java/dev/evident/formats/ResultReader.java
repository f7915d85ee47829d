package dev.evident.formats;

/**
 * Reads one result file of one format, streaming: memory does not grow with the input's size.
 *
 * <p>Contract: every test the input holds reaches {@link ResultSink#test}; everything off in the
 * input reaches {@link ResultSink#problem} with file, line and column. A truncated or partly
 * malformed input yields the tests read before the damage plus an {@code ERROR} problem, and the
 * method returns normally. Only an input that is not of this format at all, or cannot be opened,
 * throws {@link UnreadableResultFileException}. Implementations are stateless and thread safe.
 */
public interface ResultReader {

  Format format();

  void read(ResultInput input, ResultSink sink);
}
