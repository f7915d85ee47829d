package dev.evident.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The result of checking one requirement before a run.
 *
 * @param kind what was checked
 * @param name the requirement's name as the config file gives it ({@code redis}, {@code codex},
 *     {@code pip:websockets})
 * @param ok whether the requirement is met
 * @param detail what was found ({@code tcp://localhost:6381: connection refused}); never the value
 *     of an environment variable
 * @param fix what to do when it is not met; empty when it is
 */
public record Check(Kind kind, String name, boolean ok, String detail, String fix) {

  /** What a requirement is about. */
  public enum Kind {
    SERVICE,
    COMMAND,
    ENV,
    FILE,
    VERSION;

    /** The lower-case name used in JSON: {@code service}, {@code command}, ... */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Check {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
  }

  public static Check met(Kind kind, String name, String detail) {
    return new Check(kind, name, true, detail, "");
  }

  public static Check missing(Kind kind, String name, String detail, String fix) {
    return new Check(kind, name, false, detail, fix);
  }

  /** One line for messages: {@code redis: tcp://localhost:6381: connection refused -> start it}. */
  public String describe() {
    return name + ": " + detail + (fix.isEmpty() ? "" : " -> " + fix);
  }
}
