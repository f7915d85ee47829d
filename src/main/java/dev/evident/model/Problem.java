package dev.evident.model;

import java.util.Objects;

/**
 * Something wrong found while reading an input, with the place it was found.
 *
 * @param where file, line and column (line 0 when it concerns the whole file)
 * @param severity how bad it is
 * @param message what was wrong and, where it helps, what to do
 */
public record Problem(Location where, Severity severity, String message) {

  public Problem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem warning(String file, long line, String message) {
    return new Problem(Location.of(file, line), Severity.WARNING, message);
  }

  public static Problem error(String file, long line, long column, String message) {
    return new Problem(new Location(file, line, column), Severity.ERROR, message);
  }

  @Override
  public String toString() {
    String level = severity.name().toLowerCase(java.util.Locale.ROOT);
    return where.file().isEmpty() ? level + ": " + message : where + ": " + level + ": " + message;
  }
}
