package dev.evident.verify;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readiness to ship ("The release is production ready", "The branch is ready to merge", "`v2.1.0`
 * is production ready") of what a run tests as a whole: a release, a branch, a version, a cluster.
 * The evidence names no such thing, and what ships or merges is everything the run tested, so the
 * claim is checked against the whole run. A part ("The API is production ready") keeps its subject,
 * and so do other readiness words ("healthy", "operational"), which may be of things no test speaks
 * to ("the Docker container is healthy"). Also reads the subject a readiness phrase names ({@link
 * #subject}).
 */
final class Readiness {

  private static final Pattern SHIP =
      Pattern.compile(
          "\\bproduction[- ]ready\\b|\\b(?:ready|good|safe)\\s+(?:for|to)\\s+(?:production|release"
              + "|merge|ship|deploy|tag)",
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

  /** Subjects of readiness claims that mean the whole project. */
  private static final Set<String> WHOLE_WORDS =
      Set.of(
          "system",
          "project",
          "app",
          "application",
          "codebase",
          "code",
          "product",
          "platform",
          "everything",
          "build",
          "it",
          "we",
          "suite",
          "tests",
          "all",
          "implementation",
          "feature",
          "solution",
          "software",
          "repo",
          "repository",
          "service",
          "pipeline",
          "work");

  /** Where the clause of a readiness phrase starts. */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile("[,;:]|\\b(?:and|but|while|so)\\b", Pattern.CASE_INSENSITIVE);

  private Readiness() {}

  /** Whether a claim says its subject is ready to ship or merge. */
  static boolean ofTheWhole(Claim c) {
    return c.expectation() == Expectation.READY
        && WHOLE.matcher(c.subject().strip()).find()
        && SHIP.matcher(c.text()).find()
        && !PAST.matcher(c.text()).find();
  }

  /**
   * The subject of "X is production ready": the words before it in its clause, without verbs; empty
   * when they mean the whole project ("the system", "everything").
   */
  static String subject(String s, int at) {
    int from = 0;
    java.util.regex.Matcher cut = CLAUSE_BREAK.matcher(s.substring(0, at));
    while (cut.find()) {
      from = cut.end();
    }
    String words =
        s.substring(from, at)
            .replaceAll(
                "(?i)\\b(is|are|was|were|now|fully|all|being|remains|remain|seems|seem|appears"
                    + "|appear|looks|look|also|completely|totally|100%|still|currently|be"
                    + "|the|our|its|their|should|will"
                    // "I think we're good to tag": the writer's hedge, no subject
                    + "|i|think|believe|guess|reckon|we're|we've|re)\\b",
                " ")
            .replaceAll("[^\\p{L}\\p{N}_./\\s-]", " ")
            .strip()
            .replaceAll("\\s+", " ");
    if (words.isEmpty()) {
      return "";
    }
    for (String w : words.toLowerCase(Locale.ROOT).split(" ")) {
      if (!WHOLE_WORDS.contains(w)) {
        return words;
      }
    }
    return "";
  }
}
