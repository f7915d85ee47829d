package dev.evident.model;

import java.util.Objects;

/**
 * A place in a file: the source of a test, or where a problem was found in an input file.
 *
 * @param file the path as the format or the user gave it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Location(String file, long line, long column) {

  public Location {
    Objects.requireNonNull(file, "file");
  }

  public static Location of(String file, long line) {
    return new Location(file, line, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
