package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words around a count that say whether, and how, it counts tests (see {@link CountParser}).
 */
final class CountWords {

  /** Words between a number and "tests" after which the number is not a count of tests. */
  private static final Set<String> BREAKERS =
      Set.of(
          "with", "in", "for", "on", "from", "to", "by", "about", "at", "per", "than", "and", "or",
          "but", "that", "which", "who", "were", "was", "are", "is", "have", "has", "had", "been",
          "be", "not", "no", "issues", "bugs", "hours", "minutes", "seconds", "days", "weeks", "ms",
          "lines", "commits", "prs", "files", "modules", "points", "times", "runs", "of");

  /** Qualifiers that make "N ... tests" a change against the baseline: "3 new tests". */
  private static final Set<String> CHANGE_QUALIFIERS =
      Set.of("new", "newly", "added", "additional", "extra", "more", "fewer", "removed", "deleted");

  /** After "N tests": "8 tests fixed", "2 tests were added". */
  private static final Pattern CHANGE_AFTER =
      Pattern.compile(
          "^\\s+(?:were\\s+|have\\s+been\\s+|got\\s+|been\\s+)?(?:newly\\s+)?(fixed|added"
              + "|removed|deleted|repaired|introduced)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Right before a count: "after last week's 1 failure", "the previous 3 failures". */
  private static final Pattern BASELINE_BEFORE =
      Pattern.compile(
          "\\b(?:last\\s+(?:week|night|run|time|sprint)'?s|yesterday'?s|previous(?:ly)?|prior"
              + "|earlier|baseline'?s|the\\s+old)\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Right before a count of a kind of tests: "added 2 regression tests", new tests of that kind
   * ({@link NewTests}), not a total of the run.
   */
  private static final Pattern ADDED_BEFORE =
      Pattern.compile("\\b(?:adds?|added|adding)\\s+$", Pattern.CASE_INSENSITIVE);

  /** Tools whose errors and warnings are findings in code, not tests: linters, type checkers. */
  static final String STATIC_ANALYSIS =
      "phpstan|psalm|clippy|eslint|tslint|stylelint|mypy|pyright|pylint|ruff|flake8|rubocop"
          + "|checkstyle|spotbugs|pmd|sonar\\w*|golangci-lint|staticcheck|detekt|ktlint|linters?"
          + "|lint(?:ing)?|static\\s+analysis|type[- ]?check(?:er|ing)?";

  private static final Pattern STATIC =
      Pattern.compile("\\b(?:" + STATIC_ANALYSIS + ")\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Drops the counts of errors and failures a linter or type checker reports ("PHPStan reports 0
   * errors", "clippy: 2 failures"): findings in code, not failed tests.
   */
  static void dropFindings(String s, List<CountParser.Found> found) {
    if (STATIC.matcher(s).find()) {
      found.removeIf(
          f ->
              !s.substring(f.start(), f.end()).matches("(?is).*\\b(tests?|specs?)\\b.*")
                  && f.quantities().stream()
                      .allMatch(
                          q -> q.measure() == Measure.ERRORED || q.measure() == Measure.FAILING));
    }
  }

  private CountWords() {}

  /**
   * Whether a count is a change against the baseline, or the baseline's own count, rather than a
   * count of the run checked: "3 new tests" (the file's total is more), "8 tests fixed" (failed
   * before, pass now), "after last week's 1 failure". Such numbers are never compared with the
   * run's totals.
   */
  static boolean countsAChange(String before, List<String> qualifiers, String after) {
    if (BASELINE_BEFORE.matcher(before).find()
        || !qualifiers.isEmpty() && ADDED_BEFORE.matcher(before).find()) {
      return true;
    }
    for (String w : qualifiers) {
      if (CHANGE_QUALIFIERS.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return after != null && CHANGE_AFTER.matcher(after).find();
  }

  static boolean saysCollected(String s) {
    return Pattern.compile(
            "\\b(collected|created|written|exist|exists|defined|discovered|in the suite|total)\\b",
            Pattern.CASE_INSENSITIVE)
        .matcher(s)
        .find();
  }

  /** "the 4 areas we test": a pronoun makes "test" the verb, not the noun counted. */
  private static final Set<String> PRONOUNS = Set.of("we", "you", "they", "i");

  static boolean qualifiersAllowed(String qualifiers) {
    for (String w : words(qualifiers)) {
      if (BREAKERS.contains(w.toLowerCase(Locale.ROOT))
          || PRONOUNS.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
