package dev.evident.verify;

import java.util.Locale;

/** The kinds of claims a report makes, as issue 7 names them. */
public enum ClaimKind {
  COUNT,
  RATE,
  CHANGE,
  UNIVERSAL,
  NAMED,
  TABLE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
