package dev.evident.model;

/** How bad a problem found while reading input is. */
public enum Severity {
  /** The input was read, but something in it is off (declared counts disagree, a bad duration). */
  WARNING,
  /** Part of the input could not be read (truncated, malformed); what was recovered is kept. */
  ERROR
}
