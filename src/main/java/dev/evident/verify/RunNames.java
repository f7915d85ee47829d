package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * Names of a run rather than of a group of tests: a commit ("`a81d0b4`"), a branch
 * ("`feature/split-shipments`"), a pull request or build ("PR #4821", "build 512"), the command
 * that made the run ("cargo nextest run"). A claim whose subject is such a name is about the whole
 * run that name points to, never about a part of it.
 */
final class RunNames {

  /** A commit: 7 to 40 hexadecimal digits, with a digit and a letter among them. */
  private static final Pattern COMMIT =
      Pattern.compile("(?i)(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}");

  private static final Pattern BRANCH =
      Pattern.compile(
          "(?i)(?:feature|feat|fix|bugfix|hotfix|release|chore|dependabot|renovate|refactor)/\\S+");

  /** A pull request: the change the report is about, so the latest run. */
  private static final Pattern CHANGE =
      Pattern.compile("(?i)\\b(?:PR|MR|pull\\s+request|merge\\s+request)\\s*#?\\d+\\b");

  /** A build or commit by number: maybe the run before. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?i)\\b(?:build|pipeline|job|commit)\\s*#?\\d+\\b|(?<![\\w&])#\\d{2,}\\b");

  private static final Pattern COMMAND =
      Pattern.compile(
          "(?i)^(?:pytest|py\\.test|npm|npx|yarn|pnpm|jest|vitest|mvn|\\./mvnw|mvnw|gradle"
              + "|\\./gradlew|gradlew|go\\s+test|cargo|dotnet|make|tox|nox|bundle|rspec|bazel"
              + "|ctest|phpunit|vendor/bin/\\S+)(?:\\s.*)?$");

  /** "the offending commit", "pipeline on the broken build": a run by what it was. */
  private static final Pattern RUN_WORD =
      Pattern.compile(
          "(?i)(?:^|\\s)(?:faulty|broken|bad|offending|culprit|buggy|old|earlier|previous"
              + "|original|last|latest|current|full|whole|entire|ci|nightly|red|failing|each|every|both"
              + "|this|that)\\s+"
              + "(?:commit|build|run|pipeline|nightly|job|deploy|deployment|revision)$");

  /** "Tuesday's nightly", "the cutover build", "prototype branch": a run by a name of its own. */
  private static final Pattern NAMED_RUN =
      Pattern.compile(
          "(?i)^(?:the\\s+)?[\\w.-]+(?:'s|\\s+s)?\\s+(?:build|nightly|run|branch|pipeline\\s+run)$");

  /** "full suite": all the run's tests, whichever run. */
  private static final Pattern WHOLE_SUITE =
      Pattern.compile("(?i)^(?:the\\s+)?(?:full|whole|entire|complete)\\s+(?:test\\s+)?suite$");

  /** A release by its version: "v1.9.0-rc1", "2.8.0", "RC2", "beta 1". */
  private static final Pattern VERSION =
      Pattern.compile("(?i)^v?\\d+(?:\\.\\d+){1,3}(?:-[\\w.]+)?$|^(?:rc|beta|alpha)[-. ]?\\d+$");

  /** A default branch: "main", "`master`", the run a change is compared with. */
  private static final Pattern DEFAULT_BRANCH = Pattern.compile("(?i)main|master|trunk");

  /** The run before, by its role: "Baseline: 57 passing", "Base run: ...". */
  private static final Pattern BASELINE =
      Pattern.compile("(?i)^(?:the\\s+)?(?:baseline|base)(?:\\s+(?:run|build))?$");

  private RunNames() {}

  /** Whether a subject names the baseline run by its role ("Baseline"). */
  static boolean baseline(String subject) {
    return BASELINE.matcher(subject.strip()).matches();
  }

  /** Whether a subject names a run (a commit, branch, pull request, build or command). */
  static boolean names(String subject) {
    String s = subject.strip().replaceAll("^`|`$", "").strip();
    return isCommit(s)
        || BRANCH.matcher(s).matches()
        || COMMAND.matcher(s).matches()
        || CHANGE.matcher(s).find()
        || WholeRows.thisChange(s)
        || REFERENCE.matcher(s).find()
        || RUN_WORD.matcher(s).find()
        || NAMED_RUN.matcher(s).matches()
        || VERSION.matcher(s).matches()
        || BASELINE.matcher(s).matches()
        || DEFAULT_BRANCH.matcher(s).matches()
        || WHOLE_SUITE.matcher(s).matches();
  }

  /**
   * Whether a run name may point to another run than the one checked: a commit the runs do not
   * record, or a build by number.
   */
  static boolean uncertain(String subject, java.util.List<RunEvidence> runs) {
    String s = subject.strip().replaceAll("^`|`$", "").strip();
    if (isCommit(s)) {
      return runs.stream().noneMatch(r -> isCommitOf(s, r));
    }
    return !CHANGE.matcher(s).find()
        && (REFERENCE.matcher(s).find()
            || RUN_WORD.matcher(s).find()
            || NAMED_RUN.matcher(s).matches()
            || VERSION.matcher(s).matches());
  }

  /** Whether a name is a commit hash. */
  static boolean isCommit(String s) {
    return COMMIT.matcher(s).matches();
  }

  /** Whether a run's commit is the one named (by a prefix of its hash). */
  static boolean isCommitOf(String hash, RunEvidence r) {
    String commit = r.run().attributes().getOrDefault("git.commit", "");
    return !commit.isEmpty() && commit.toLowerCase().startsWith(hash.toLowerCase());
  }
}
