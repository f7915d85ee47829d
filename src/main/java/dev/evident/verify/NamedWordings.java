package dev.evident.verify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More ways a sentence says what happened to tests it names, beside those of {@link NamedTests}:
 * the outcome after a comma or in parentheses ("`TestA`, passes now", "`TestA` (passing)"), a
 * parenthesized list after "fixed" ("both are fixed (`TestA`, `TestB`)"), the one failure of a run
 * ("the only failure: `TestA`", "the one red test is `TestA`"), a counted label before its list
 * ("Two regressions since Monday: `TestA`, `TestB`") and a new error in a test. Past tense ("the
 * only failure was") is left out: it may speak of an earlier run.
 */
final class NamedWordings {

  /** Outcome words that may follow a test. */
  private static final String OUTCOME =
      "(?<label>pass(?:es|ed|ing)?|green|fail(?:s|ed|ing)?|red|errored|skipped)\\b";

  /** What makes an outcome one of another run or of a retry: "red in 2.7.3", "passed on retry". */
  private static final String NOT_NOW =
      "(?!\\s+(?:in|at|after|before|until|since|yesterday|last|earlier|on\\b(?!\\s+the\\s+first)"
          + "|\\d))";

  /** "`TestA`, passes now", "`TestB`, green on the first try". */
  private static final Pattern AFTER_COMMA =
      Pattern.compile(
          NamedTests.LIST
              + "\\s*,\\s*(?:(?:and|now|still|also|again|is|are|both|all)\\s+){0,2}"
              + OUTCOME
              + NOT_NOW,
          Pattern.CASE_INSENSITIVE);

  /** "the `applies coupon` test, red in 2.7.3, passes now": it failed then and passes now. */
  private static final Pattern RED_THEN_PASSES =
      Pattern.compile(
          NamedTests.LIST
              + "(?:\\s+(?:[\\w-]+\\s+)?tests?)?\\s*,\\s*(?:red|failing|failed|broken)\\s+(?:in|on)\\s+"
              + "[^,;]{1,30},\\s*(?:(?:and|now|is|are|it)\\s+){0,3}(?<label>passes|passing|green)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "three new tests (`TestA`, `TestB`, `TestC`) all pass". */
  private static final Pattern LISTED_BEFORE =
      Pattern.compile(
          "\\(\\s*"
              + NamedTests.LIST
              + "\\s*\\)\\s+(?:(?:all|both|now|still|also)\\s+){0,2}(?<label>pass(?:es|ed)?|green"
              + "|fail(?:s|ed)?)\\b"
              + NOT_NOW,
          Pattern.CASE_INSENSITIVE);

  /** "`respects quiet hours` is still red", "`TestA` is failing": its state now. */
  private static final Pattern IS_STATE =
      Pattern.compile(
          NamedTests.LIST
              + "\\s+(?:is|are)\\s+(?:(?:still|now|again|also|all|both)\\s+){0,2}"
              + "(?<label>failing|passing|red|green)\\b"
              + NOT_NOW,
          Pattern.CASE_INSENSITIVE);

  /** "`TestA` (passing)". */
  private static final Pattern IN_PARENTHESES =
      Pattern.compile(
          NamedTests.LIST
              + "\\s*\\((?<label>passing|passes|passed|green|failing|fails|failed|red|skipped"
              + "|errored)\\)",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Both failures are fixed (`TestA`, `TestB`)". Other outcomes ("2 are skipped (`TestC`)") come
   * with a count of their own, which says it.
   */
  private static final Pattern LIST_AFTER =
      Pattern.compile(
          "\\b(?:(?:are|is|got|been|now|all|both)\\s+){1,2}(?<label>fixed)\\s*\\(\\s*"
              + NamedTests.LIST
              + "\\s*\\)",
          Pattern.CASE_INSENSITIVE);

  /** "The only failure: `a`", "the one red test is `b`", "the single failure, `c`, is ...". */
  private static final Pattern THE_ONE =
      Pattern.compile(
          "\\b(?:the|its|our)\\s+(?:only|one|single|last|sole|remaining)\\s+(?:(?:real|known"
              + "|new|remaining)\\s+)?(?<label>failures?|failing\\s+tests?|red\\s+tests?"
              + "|broken\\s+tests?|errors?|skipped\\s+tests?|skips?)"
              + "(?:\\s+(?:in|of)\\s+(?![^,:;]*\\d)[^,:;]{1,30}?)?"
              + "(?:\\s*[:,]\\s*|\\s+(?:is|are)\\s+(?:(?:still|now|new)\\s*:?\\s*)?)"
              + NamedTests.LIST,
          Pattern.CASE_INSENSITIVE);

  /** "Three regressions overnight, all in billing: `a`, `b`, `c`". */
  private static final Pattern COUNTED_LABEL =
      Pattern.compile(
          "^[^\\w`]*(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|both)\\s+(?:new\\s+)?"
              + "(?<label>regressions|regressed\\s+tests|failures|failing\\s+tests|fixes"
              + "|fixed\\s+tests|skipped\\s+tests)\\b[^:]{0,60}:\\s*"
              + NamedTests.LIST
              + "\\s*(?:[.;—–(-]|$)",
          Pattern.CASE_INSENSITIVE);

  /** "new error in `a`", "a new failure in `b`": it fails now and did not before. */
  private static final Pattern NEW_ERROR_IN =
      Pattern.compile(
          "\\bnew\\s+(?<label>errors?|failures?)\\s+in\\s+" + NamedTests.LIST,
          Pattern.CASE_INSENSITIVE);

  /** Jira's monospace ("{{TaxEngineTests}}"), as backticks of the same length. */
  private static final Pattern MONOSPACE = Pattern.compile("\\{\\{([^{}\\n]{1,80})\\}\\}");

  /**
   * A test's title in quotes, as JavaScript runners name tests ("rejects expired codes" passes
   * now): words, the first in lowercase, without sentence punctuation inside.
   */
  private static final Pattern QUOTED_TITLE =
      Pattern.compile("[\"“](\\p{Ll}[\\w' -]{1,78}[\\w)])[\"”]");

  private NamedWordings() {}

  /**
   * The sentence with Jira's {@code {{name}}} written {@code `name` } and a quoted test title
   * {@code "a title"} written {@code `a title`}: the same offsets.
   */
  static String monospace(String s) {
    String t = s.indexOf("{{") < 0 ? s : MONOSPACE.matcher(s).replaceAll(m -> " `$1` ");
    return t.indexOf('"') < 0 && t.indexOf('“') < 0
        ? t
        : QUOTED_TITLE.matcher(t).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1) + "`"));
  }

  /** Adds the named-test claims of {@code s} that no claim in {@code all} overlaps. */
  static void add(List<StatementParser.Found> all, String s) {
    for (Pattern p :
        List.of(
            THE_ONE,
            COUNTED_LABEL,
            LIST_AFTER,
            NEW_ERROR_IN,
            RED_THEN_PASSES,
            LISTED_BEFORE,
            IN_PARENTHESES,
            AFTER_COMMA,
            IS_STATE)) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        String subject = NamedTests.names(m.group("list"));
        if (subject.isEmpty()
            || NamedTests.overlaps(all, m.start(), m.end())
            || (p == AFTER_COMMA || p == IN_PARENTHESES) && subject.contains("/")) {
          continue; // "`internal/ledger` (TestA, TestB), both green": a package, not the tests
        }
        String label = m.group("label").toLowerCase(Locale.ROOT);
        Expectation e =
            p == NEW_ERROR_IN
                ? Expectation.REGRESSED
                : p == RED_THEN_PASSES
                    ? Expectation.FIXED
                    : label.startsWith("skip")
                        ? Expectation.SKIP
                        : p == THE_ONE ? Expectation.FAIL : NamedTests.expectation(label);
        all.add(new StatementParser.Found(m.start(), m.end(), e, subject, true, null));
      }
    }
  }
}
