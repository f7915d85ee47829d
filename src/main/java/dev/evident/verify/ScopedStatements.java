package dev.evident.verify;

import dev.evident.verify.StatementParser.Found;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements about a list of named tests, a number of tests or a category, for {@link
 * StatementParser}: "`LedgerTest` (25) and `ReconcileTest` (18) pass", "all 8 pass", "every export
 * test passes except `test_a`" (all but 1), "Auth is green across the board".
 */
final class ScopedStatements {

  private ScopedStatements() {}

  /** A test, class or file name, with the count in parentheses that may follow it ("(25)"). */
  private static final String ID =
      "(?<id>`[^`\\s]+`|(?<![\\w/.-])(?:[\\w./-]+(?:::|#|\\.))?(?:test_\\w+|\\w+_test|Test[A-Z]\\w*"
          + "|[A-Z]\\w*(?:Test|Tests|Spec|IT))(?![\\w/.]))(?:\\s*\\((?<n>\\d+)\\))?";

  private static final Pattern ONE_ID = Pattern.compile(ID);

  private static final String ANY_ID = ID.replace("?<id>", "?:").replace("?<n>", "?:");

  /** "`LedgerTest` (25) and `ReconcileTest` (18) pass": a statement about each test named. */
  private static final Pattern NAMED_LIST =
      Pattern.compile(
          ANY_ID
              + "(?:\\s*(?:,\\s*and\\b|,|&|\\band\\b)\\s*"
              + ANY_ID
              + ")+\\s+(?i:(?:(?:all|both|now|still|are|were|also)\\s+){0,2}"
              + "(?<v>pass(?:es|ed|ing)?|succeed(?:ed)?|fail(?:ed|ing|s)?|green|red|fixed))\\b");

  /** "all 8 pass", "all 12 green": every test of the subject, and how many. */
  private static final Pattern ALL_N =
      Pattern.compile(
          "\\ball\\s+(?<n>"
              + CountParser.NUMBER
              + ")\\s+(?:(?:are|were|have|now|still|currently)\\s+)*(?<v>pass(?:ing|es|ed)?|green"
              + "|succeed(?:ing|s|ed)?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "Every export test passes": as "all export tests pass". */
  private static final Pattern EVERY =
      Pattern.compile(
          "\\bevery\\s+(?<q>(?:[\\w-]+\\s+){0,2}?)(?:test|spec|test\\s+case)\\s+"
              + "(?:(?:now|still|is|currently)\\s+)*(?<v>pass(?:es|ed|ing)|green|succeed(?:s|ed))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "... except `test_a` and `test_b`": that many tests do not pass. */
  private static final Pattern EXCEPT =
      Pattern.compile(
          "^\\s*,?\\s*(?:except(?:\\s+for)?|but|apart\\s+from|other\\s+than|save)\\s+((?:"
              + ANY_ID
              + ")(?:\\s*(?:,\\s*and\\b|,|&|\\band\\b)\\s*(?:"
              + ANY_ID
              + "))*)",
          Pattern.CASE_INSENSITIVE);

  /** "Auth is green across the board", "Payments are passing": every test of the subject passes. */
  private static final Pattern GREEN =
      Pattern.compile(
          "^[^\\p{L}\\p{N}`]*(?<q>\\p{L}[\\p{L}\\p{N} _-]{0,40}?)\\s+(?:is|are)\\s+"
              + "(?:(?:all|fully|now|still|entirely)\\s+)*(?<v>green|passing)"
              + "(?:\\s+across\\s+the\\s+board)?(?=\\s*(?:$|[.!,;(✅🟢]))",
          Pattern.CASE_INSENSITIVE);

  /** "all 8 pass" and "every X test passes", each with its "except A and B" if any. */
  static void allAndEvery(String s, List<Found> found) {
    Matcher allN = ALL_N.matcher(s);
    while (allN.find()) {
      if (!StatementParser.overlaps(found, allN.start())) {
        found.add(
            new Found(
                allN.start(),
                allN.end(),
                StatementParser.of(allN.group("v")),
                "",
                false,
                CountParser.number(allN.group("n"))));
      }
    }
    Matcher every = EVERY.matcher(s);
    while (every.find()) {
      if (!StatementParser.overlaps(found, every.start())) {
        String q = Subjects.ofQualifiers(List.of(every.group("q").strip().split("\\s+")));
        found.add(
            new Found(
                every.start(), every.end(), StatementParser.of(every.group("v")), q, false, null));
      }
    }
    found.replaceAll(f -> except(s, f));
  }

  /** "`A` (25) and `B` (18) pass": a named statement per test. */
  static void namedLists(String s, List<Found> found) {
    Matcher list = NAMED_LIST.matcher(s);
    while (list.find()) {
      Matcher one = ONE_ID.matcher(s);
      one.region(list.start(), list.start("v"));
      while (one.find()) {
        String id = one.group("id").replace("`", "");
        Double n = one.group("n") == null ? null : CountParser.number(one.group("n"));
        found.add(
            new Found(one.start(), list.end(), StatementParser.of(list.group("v")), id, true, n));
      }
    }
  }

  /** "Auth is green across the board": every test of the subject passes. */
  static void green(String s, List<Found> found) {
    Matcher green = GREEN.matcher(s);
    if (green.find() && !StatementParser.overlaps(found, green.start("v"))) {
      String q = Subjects.ofLabel(green.group("q"));
      found.add(new Found(green.start(), green.end(), Expectation.PASS, q, false, null));
    }
  }

  /**
   * An "all pass" statement followed by "except A and B" is "all but 2 pass": that many tests of
   * the subject do not pass.
   */
  private static Found except(String s, Found f) {
    if (f.expectation() != Expectation.PASS || f.allBut() != null) {
      return f;
    }
    Matcher m = EXCEPT.matcher(s.substring(f.end()));
    if (!m.find()) {
      return f;
    }
    int n = 0;
    Matcher one = ONE_ID.matcher(m.group(1));
    while (one.find()) {
      n++;
    }
    return new Found(f.start(), f.end() + m.end(), null, f.subject(), false, f.count(), n);
  }
}
