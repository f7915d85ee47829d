package dev.evident.model;

import java.util.Locale;

/** What an API token may do in its project. {@link #ADMIN} may do everything the others may. */
public enum Scope {
  /** Read runs, tests and analyses. */
  READ,
  /** Upload results as new runs. */
  INGEST,
  /** Start tasks (test or benchmark runs on the server). */
  RUN,
  /** Everything in the project. */
  ADMIN;

  /** The scope a user types ({@code read}, {@code ingest}, ...), case-insensitive. */
  public static Scope parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown scope " + text + " (scopes: read, ingest, run, admin)", e);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
