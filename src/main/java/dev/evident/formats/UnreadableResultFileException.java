package dev.evident.formats;

import dev.evident.model.EvidentException;

/** An input could not be read at all: not a result file of the expected format, or no access. */
public class UnreadableResultFileException extends EvidentException {

  private final String file;

  public UnreadableResultFileException(String file, String reason) {
    super("cannot read " + file + ": " + reason);
    this.file = file;
  }

  public UnreadableResultFileException(String file, String reason, Throwable cause) {
    super("cannot read " + file + ": " + reason, cause);
    this.file = file;
  }

  public String file() {
    return file;
  }
}
