package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * Readiness to ship ("The release is production ready", "The branch is ready to merge", "`v2.1.0`
 * is production ready") of what a run tests as a whole: a release, a branch, a version, a cluster.
 * The evidence names no such thing, and what ships or merges is everything the run tested, so the
 * claim is checked against the whole run. A part ("The API is production ready") keeps its subject,
 * and so do other readiness words ("healthy", "operational"), which may be of things no test speaks
 * to ("the Docker container is healthy").
 */
final class Readiness {

  private static final Pattern SHIP =
      Pattern.compile(
          "\\bproduction[- ]ready\\b|\\bready\\s+(?:for|to)\\s+(?:production|release|merge"
              + "|ship|deploy)",
          Pattern.CASE_INSENSITIVE);

  /** What ships whole: the last word of the subject. */
  private static final Pattern WHOLE =
      Pattern.compile(
          "(?i)(?:^|\\s)(?:release|branch|prototype|candidate|version|pr|patch|commit|region"
              + "|cluster|rollout|upgrade|migration)$"
              + "|^`?v?\\d+(?:\\.\\d+){1,3}(?:-[\\w.]+)?`?$");

  /** "v1.8.0 was production ready": of an earlier run, maybe. */
  private static final Pattern PAST =
      Pattern.compile("\\b(?:was|were|had\\s+been)\\b", Pattern.CASE_INSENSITIVE);

  private Readiness() {}

  /** Whether a claim says its subject is ready to ship or merge. */
  static boolean ofTheWhole(Claim c) {
    return c.expectation() == Expectation.READY
        && WHOLE.matcher(c.subject().strip()).find()
        && SHIP.matcher(c.text()).find()
        && !PAST.matcher(c.text()).find();
  }
}
