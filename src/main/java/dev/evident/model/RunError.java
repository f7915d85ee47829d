package dev.evident.model;

import java.util.Objects;

/**
 * An error outside any single test that kept tests from running: a collection error, a build
 * failure, a failing suite setup, a runner crash or bail-out.
 *
 * @param kind what kind of error it is
 * @param scope what it concerns: a suite, file or package name; empty for the whole run
 * @param failure the error text
 * @param where where it was reported, or null
 */
public record RunError(Kind kind, String scope, Failure failure, Location where) {

  /** Kinds of run errors. */
  public enum Kind {
    COLLECTION,
    BUILD,
    SETUP,
    CRASH,
    BAIL_OUT,
    /** A requirement of the run (a service, a command, an env var) was missing; nothing ran. */
    PREFLIGHT,
    /** The command could not run or stopped early: not found, timed out, interrupted. */
    COMMAND
  }

  public RunError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(failure, "failure");
  }
}
