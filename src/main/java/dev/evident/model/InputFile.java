package dev.evident.model;

import java.util.Objects;

/**
 * One input file of a run.
 *
 * @param path the path as the user gave it
 * @param format the format id it was read as, or null when it was not read
 * @param bytes its size
 * @param tests the test results read from it (before merging repeats)
 * @param duplicateOf the path of an earlier input with the same content, or null
 */
public record InputFile(String path, String format, long bytes, long tests, String duplicateOf) {
  public InputFile {
    Objects.requireNonNull(path, "path");
  }
}
