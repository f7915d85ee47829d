package dev.evident.verify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads stated rates: a percentage and the words around it that say what it is a rate of (pass,
 * success, fail, collection, coverage). A percentage followed by a change word ("30% faster") or
 * with no such word is not a rate.
 */
final class RateWords {

  /** A fraction of passing tests, then an opening parenthesis: "312/320 tests green (". */
  private static final Pattern FRACTION_THEN_PARENTHESIS =
      Pattern.compile(
          "\\d\\s*/\\s*\\d+\\s+(?:[\\w-]+\\s+){0,2}?(?:pass\\w*|green|succe\\w*)\\s*\\(\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RATE =
      Pattern.compile(
          "(?<![\\w.])(?<bound>(?:~|≈|≥|>=|≤|<=|>|<|about|approximately|around|roughly|nearly"
              + "|almost|over|more than|at least|under|less than)\\s*)?(?<r>\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RATE_AFTER =
      Pattern.compile(
          "^\\s*(?:of\\s+(?:the\\s+|all\\s+)?(?:[\\w-]+\\s+){0,2}?(?:tests?|specs?|suite)\\s+(?:are\\s+"
              + "|were\\s+|now\\s+)*)?(?:test\\s+|code\\s+)?(collection\\s+success|collection\\s+rate"
              + "|collected|pass(?:ing)?\\s+rate|success\\s+rate|success(?:ful)?|passing|passed|passes"
              + "|pass|green|fail(?:ure|ing)?\\s+rate|failing|failed|fail|coverage|covered)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "27/29 = 93.1%", "44/45 → 97.8%": the share of the fraction right before it. */
  private static final Pattern FRACTION_EQUALS =
      Pattern.compile("\\d\\s*/\\s*\\d+(?:\\s+[\\w-]+){0,3}?\\s*(?:=|≈|→|->)\\s*$");

  private static final Pattern PASS_WORDS =
      Pattern.compile("\\b(?:pass\\w*|green|succe\\w*|ok)\\b|✅", Pattern.CASE_INSENSITIVE);

  private static final Pattern RATE_BEFORE =
      Pattern.compile(
          "(collection\\s+success(?:\\s+rate)?|collection\\s+rate|pass(?:ing)?\\s+rate|success\\s+rate"
              + "|fail(?:ure|ing)?\\s+rate|coverage)\\s*(?:of|:|=|is|was|at|reached|now|stands at"
              + "|\\s)*\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** A sentence labeled with a rate: its percentages are that rate. */
  private static final Pattern RATE_LABEL =
      Pattern.compile(
          "^[^\\w]*(?:(?:overall|test|current)\\s+)?(pass(?:ing)?\\s+rate|success\\s+rate"
              + "|fail(?:ure|ing)?\\s+rate|collection\\s+success(?:\\s+rate)?|coverage)\\s*[:=]",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CHANGE_AFTER_PERCENT =
      Pattern.compile(
          "^\\s*(improvement|increase|decrease|more|fewer|better|faster|slower|drop|gain|higher"
              + "|lower|up|down|reduction)\\b",
          Pattern.CASE_INSENSITIVE);

  private static Measure measure(String s, int start, int end) {
    if (CHANGE_AFTER_PERCENT.matcher(s.substring(end)).find()) {
      return null;
    }
    Matcher after = RATE_AFTER.matcher(s.substring(end));
    String word = null;
    if (after.find()) {
      word = after.group(1);
    } else {
      Matcher before = RATE_BEFORE.matcher(s.substring(Math.max(0, start - 40), start));
      if (before.find()) {
        word = before.group(1);
      }
    }
    if (word == null) {
      Matcher label = RATE_LABEL.matcher(s);
      if (label.find() && label.end() <= start) {
        word = label.group(1); // "Pass rate: 38 of 41 executed (95%)"
      }
    }
    if (word == null
        && FRACTION_EQUALS.matcher(s.substring(0, start)).find()
        && PASS_WORDS.matcher(s).find()) {
      word = "pass"; // "27/29 passing = 93.1%"
    }
    if (word == null && FRACTION_THEN_PARENTHESIS.matcher(s.substring(0, start)).find()) {
      word = "pass"; // "312/320 tests green (97.5%)": the share of the fraction
    }
    if (word == null) {
      return null;
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("collect")) {
      return Measure.COLLECTION_RATE;
    }
    if (w.startsWith("cover")) {
      return Measure.COVERAGE;
    }
    if (w.startsWith("fail")) {
      return Measure.FAIL_RATE;
    }
    return Measure.PASS_RATE;
  }

  /**
   * Whether a percentage stands right after a count of passing tests of a total, with nothing but
   * punctuation between: the share of that fraction.
   */
  private static boolean afterPassingFraction(String s, int at, List<CountParser.Found> found) {
    for (CountParser.Found f : found) {
      boolean fraction =
          f.quantities().size() >= 2 && f.quantities().get(0).measure() == Measure.PASSING;
      if (fraction && f.end() <= at && s.substring(f.end(), at).matches("[\\s,;:=(–—-]*")) {
        return true;
      }
    }
    return false;
  }

  private RateWords() {}

  /** "Pass rate this sprint: 0.94": a rate written as a fraction of one. */
  private static final Pattern RATE_AS_FRACTION =
      Pattern.compile(
          "^[^\\w]*(?:(?:overall|test|current)\\s+)?(pass(?:ing)?\\s+rate|success\\s+rate"
              + "|fail(?:ure|ing)?\\s+rate)(?:\\s+[\\w-]+){0,3}?\\s*[:=]\\s*(?<r>0\\.\\d+|1\\.0+)\\b(?!\\s*%)",
          Pattern.CASE_INSENSITIVE);

  /** Adds the rates a sentence states ("5.6% success rate", "~95% pass rate") to {@code found}. */
  static void read(String s, List<CountParser.Found> found) {
    Matcher fraction = RATE_AS_FRACTION.matcher(s);
    if (fraction.find()) {
      String r = fraction.group("r");
      Measure m =
          fraction.group(1).toLowerCase(Locale.ROOT).startsWith("fail")
              ? Measure.FAIL_RATE
              : Measure.PASS_RATE;
      int decimals = Math.max(0, r.length() - r.indexOf('.') - 3);
      Quantity q = new Quantity(m, Double.parseDouble(r) * 100, Bound.EXACT, decimals, "");
      found.add(CountParser.found(s, fraction.start("r"), fraction.end("r"), List.of(q), ""));
    }
    Matcher r = RATE.matcher(s);
    while (r.find()) {
      Measure m = measure(s, r.start(), r.end());
      if (m == null && afterPassingFraction(s, r.start(), found)) {
        m = Measure.PASS_RATE; // "45 of the 46 that ran are fine, 97.8%"
      }
      if (m != null) {
        int decimals =
            r.group("r").contains(".") ? r.group("r").length() - r.group("r").indexOf('.') - 1 : 0;
        Quantity q =
            new Quantity(
                m, Double.parseDouble(r.group("r")), Bound.of(r.group("bound")), decimals, "");
        found.add(CountParser.found(s, r.start(), r.end(), List.of(q), ""));
      }
    }
  }
}
