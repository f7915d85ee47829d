package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds stated counts and rates in one sentence: "166 passing tests", "1/18 tests passing", "56
 * tests collected", "11 PASSING", "Passed: 40", "over 100 tests", "all but 3 tests pass", "5.6%
 * success rate", "5/6 issues resolved". A number counts only when a test word or a status word
 * stands right by it, so "$500K ARR", "port 6381", "Python 3.12", "#123" and dates are never
 * counts.
 */
final class CountParser {

  /** A stated number with where it stands in the sentence. */
  record Found(int start, int end, List<Quantity> quantities, String subject, boolean planned) {}

  static final String NUMBER = "\\d{1,3}(?:,\\d{3})+|\\d+";

  private static final Pattern COUNT =
      Pattern.compile(
          "(?<![\\w$#€£¥.,/:\\-+−±])(?<bound>(?:~|≈|about|approximately|approx\\.|around|roughly"
              + "|nearly|almost|over|more than|at least|under|fewer than|less than|up to)\\s*)?"
              + "(?<n>"
              + NUMBER
              + ")(?<plus>\\+)?(?:\\s*(?:/|of|out of)(?:\\s+the)?\\s*(?<m>"
              + NUMBER
              + "))?(?![\\w%+]|[.,:/\\-]\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final String STATUS =
      "passing|passed|pass|passes|succeeded|successful|green|failing|failed|fail|fails|broken"
          + "|erroring|errored|errors?|failures?|skipped|skipping|ignored|disabled|pending|xfailed|flaky"
          + "|collected|created|written|added|discovered|defined|implemented|completed|executed|ran"
          + "|run";

  private static final Pattern NOUN =
      Pattern.compile(
          "^((?:\\s+[A-Za-z][\\w-]*){0,4}?)\\s+(test\\s+cases?|testcases?|test\\s+files?|tests?"
              + "|specs?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STATUS_AFTER_NOUN =
      Pattern.compile(
          "^(?:\\s+(?:are|were|is|was|have|has|had|been|now|currently|still|all|being|got"
              + "|successfully|already|that|which|were))*\\s+[`'\"@]*("
              + STATUS
              + ")\\b",
          Pattern.CASE_INSENSITIVE);

  /** "1 of the 2 failures", "2 of the 3 failing tests": a share of the run's failures. */
  private static final Pattern SHARE_OF_FAILURES =
      Pattern.compile(
          "\\d+\\s+of\\s+the\\s+\\d+\\s+(?:failures|errors|failing\\s+tests|failed\\s+tests"
              + "|red\\s+tests)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STATUS_ONLY =
      Pattern.compile(
          "^\\s*(passing|passed|passes|pass(?!\\s*(?:rate|@|%))|failing|failed|failures?|fails|red"
              + "|fail(?!\\s*rate)|errors?|errored|skipped"
              + "|skips|xfailed|flaky|collected|created|written|completed|executed|succeeded"
              + "|ran(?!\\s+(?:into|out|over|away|up|late|long|slow|for|in\\s+\\d)))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OTHER =
      Pattern.compile(
          "^\\s+((?:[A-Za-z][\\w-]*\\s+){0,2}?[A-Za-z][\\w-]*)\\s+(resolved|fixed|done|completed"
              + "|complete|closed|addressed|merged|finished|implemented|migrated|working|met"
              + "|passing|passed)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LABELED =
      Pattern.compile(
          "(?<![\\w-])(?<label>total\\s+tests?|tests?\\s+count|number\\s+of\\s+tests"
              + "|tests?\\s+(?:run|executed|collected|passed|passing"
              + "|failed|failing|skipped)|tests?|test\\s+cases|passed|passing|failed|failing"
              + "|failures|errors|errored|skipped|flaky|collected|executed)\\s*[:=]\\s*(?<n>"
              + NUMBER
              + ")(?![\\w%.,/]\\d|[\\w%])",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Failed tests: 1", "Executed tests on main: 20": the outcome before "tests", and perhaps the
   * run, label the count.
   */
  private static final Pattern OUTCOME_LABELED =
      Pattern.compile(
          "(?<![\\w-])(?<label>passed|passing|failed|failing|skipped|executed|collected|errored)"
              + "\\s+tests?(?:\\s+(?:on|in)\\s+`?[\\w./-]+`?)?\\s*[:=]\\s*(?<n>"
              + NUMBER
              + ")(?![\\w%.,/]\\d|[\\w%])",
          Pattern.CASE_INSENSITIVE);

  /** A status verb right before a count of tests ("skips 2 tests", "failed 3 tests"). */
  private static final Pattern VERB_BEFORE =
      Pattern.compile(
          "\\b(skips|skipped|fails|failed|passes|passed)\\s+(?:only\\s+|just\\s+|all\\s+|the\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /** A pass or fail mark right after a fraction: "56/56 ✅". */
  private static final Pattern STATUS_MARK = Pattern.compile("^\\s*(?:✅|❌|✔️?|✗|✘)(?!\\s*\\w)");

  /** "Zero skipped tests": the word read as the number, padded so that positions stay. */
  private static final Pattern ZERO =
      Pattern.compile(
          "\\bzero\\b(?=\\s+(?:[\\w-]+\\s+){0,2}?(?:tests?|specs?)\\b)", Pattern.CASE_INSENSITIVE);

  private static final Pattern PASS_WORDS =
      Pattern.compile("\\b(pass\\w*|success\\w*|green)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ALL_BUT =
      Pattern.compile(
          "\\ball\\s+but\\s+(?<n>"
              + NUMBER
              + ")\\s+(?:of\\s+(?:the|our|its|their|these|all)\\s+)?(?:[\\w-]+\\s+)?(?:tests?|specs?)\\s+"
              + "(?:are\\s+|now\\s+)*pass",
          Pattern.CASE_INSENSITIVE);

  /** "= 95.7%", "(95.7%)" right after a fraction: the fraction is the rate's. */
  private static final Pattern FRACTION_IS_RATE =
      Pattern.compile("\\s*(?:=|\\(|,)\\s*\\d+(?:\\.\\d+)?\\s?%");

  private static final Pattern PASS_RATE_WORDS =
      Pattern.compile("\\b(?:pass|success)\\s+rate\\b", Pattern.CASE_INSENSITIVE);

  /** "… executed and passing": the count is of tests that ran and passed. */
  private static final Pattern AND_PASSING =
      Pattern.compile(
          "^\\s+and\\s+(?:all\\s+)?(?:passing|passed|green)\\b", Pattern.CASE_INSENSITIVE);

  private CountParser() {}

  /** The counts and rates stated in a sentence, in order. */
  static List<Found> parse(String text, boolean testContext) {
    String s = CountPhrases.numberWords(ZERO.matcher(text).replaceAll("0   "));
    List<Found> found = new ArrayList<>();
    Matcher allBut = ALL_BUT.matcher(s);
    while (allBut.find()) {
      found.add(
          found(
              s,
              allBut.start(),
              allBut.end(),
              List.of(Quantity.exact(Measure.NOT_PASSING, number(allBut.group("n")))),
              ""));
    }
    CountPhrases.read(s, found);
    for (Pattern p : List.of(LABELED, OUTCOME_LABELED)) {
      Matcher labeled = p.matcher(s);
      while (labeled.find()) {
        String before = s.substring(0, labeled.start()).stripTrailing();
        boolean startsClause =
            before.isEmpty() || "(,;|*-•:".indexOf(before.charAt(before.length() - 1)) >= 0;
        boolean statusFollows = STATUS_ONLY.matcher(s.substring(labeled.end())).find();
        if (startsClause && !statusFollows && !overlaps(found, labeled.start("n"))) {
          Measure m = Measure.ofLabel(labeled.group("label"));
          found.add(
              found(
                  s,
                  labeled.start("n"),
                  labeled.end(),
                  List.of(Quantity.exact(m, number(labeled.group("n")))),
                  ""));
        }
      }
    }
    Matcher c = COUNT.matcher(s);
    while (c.find()) {
      if (!overlaps(found, c.start("n"))) {
        Found f = count(s, c, testContext);
        if (f != null) {
          found.add(f);
        }
      }
    }
    RateWords.read(s, found);
    GoalRates.current(s, found);
    CountWords.dropFindings(s, found);
    found.sort(java.util.Comparator.comparingInt(Found::start));
    return found;
  }

  private static Found count(String s, Matcher c, boolean testContext) {
    double n = number(c.group("n"));
    Double m = c.group("m") == null ? null : number(c.group("m"));
    Bound bound = c.group("plus") != null ? Bound.AT_LEAST : Bound.of(c.group("bound"));
    String tail = s.substring(c.end());
    if (m != null && SHARE_OF_FAILURES.matcher(c.group() + tail).lookingAt()) {
      return null; // "`X` fails (1 of the 2 failures)": one among the run's failures, not X's count
    }
    Measure measure = null;
    String subject = "";
    int end = c.end();
    Matcher noun = NOUN.matcher(tail);
    boolean hasNoun = noun.find();
    List<String> qualifiers = hasNoun ? CountWords.words(noun.group(1)) : List.of();
    if (CountWords.countsAChange(
        s.substring(0, c.start()), qualifiers, hasNoun ? tail.substring(noun.end()) : null)) {
      return null;
    }
    if (hasNoun && CountWords.qualifiersAllowed(noun.group(1))) {
      List<String> words = qualifiers;
      String nounWord = noun.group(2).toLowerCase(Locale.ROOT);
      end += noun.end();
      Matcher after = STATUS_AFTER_NOUN.matcher(s.substring(end));
      if (nounWord.contains("file")) {
        measure = Measure.FILES;
      } else if (after.find()) {
        measure = Measure.ofWord(after.group(1));
        end += after.end();
        if (m != null
            && measure == Measure.EXECUTED
            && n <= m
            && ThatRan.thenPassed(after.group(), s.substring(end))) {
          // "10 of the 11 tests that ran are green": 10 passing of 11 executed.
          return found(
              s,
              c.start(),
              end,
              List.of(
                  new Quantity(Measure.PASSING, n, bound, 0, ""),
                  new Quantity(Measure.EXECUTED, m, Bound.EXACT, 0, "")),
              Subjects.ofQualifiers(qualifiers));
        }
        if (m != null && measure == Measure.EXECUTED && n <= m) {
          // "83 of the 90 tests ran": 83 executed of 90 collected.
          return found(
              s,
              c.start(),
              end,
              List.of(
                  new Quantity(Measure.EXECUTED, n, bound, 0, ""),
                  new Quantity(Measure.COLLECTED, m, Bound.EXACT, 0, "")),
              Subjects.ofQualifiers(qualifiers));
        }
      } else {
        for (String w : words) {
          measure = measure == null ? Measure.ofWord(w) : measure;
        }
      }
      if (measure == null) {
        // "`test_emailer.py` skips 2 tests", "the nightly run failed 3 tests": the verb says which.
        Matcher verb = VERB_BEFORE.matcher(s.substring(0, c.start()));
        measure = verb.find() ? Measure.ofWord(verb.group(1)) : null;
      }
      if (measure == null) {
        measure = CountWords.saysCollected(s) ? Measure.COLLECTED : Measure.TESTS;
      }
      subject = Subjects.ofQualifiers(words);
    } else {
      Matcher status = STATUS_ONLY.matcher(tail);
      Matcher mark = STATUS_MARK.matcher(tail);
      if (status.find() && testContext) {
        measure = Measure.ofWord(status.group(1));
        end += status.end();
      } else if (m != null && testContext && mark.find()) {
        // "Notifications: 56/56 ✅", "3/5 ❌"
        measure = mark.group().contains("✅") ? Measure.PASSING : Measure.FAILING;
        end += mark.end();
      } else if (m != null) {
        Matcher other = OTHER.matcher(tail);
        if (other.find() && n <= m) {
          String label = (other.group(1) + " " + other.group(2)).toLowerCase(Locale.ROOT);
          List<Quantity> qs =
              List.of(
                  new Quantity(Measure.OTHER, n, bound, 0, label),
                  new Quantity(
                      Measure.OTHER, m, Bound.EXACT, 0, other.group(1).toLowerCase(Locale.ROOT)));
          return found(s, c.start(), c.end() + other.end(), qs, "");
        }
      }
    }
    if (measure == null
        && m != null
        && n <= m
        && FRACTION_IS_RATE.matcher(tail).lookingAt()
        && PASS_RATE_WORDS.matcher(s).find()) {
      measure = Measure.PASSING; // "pass rate now 22/23 = 95.7%": passing of the tests
    }
    if (measure == null) {
      return null;
    }
    List<Quantity> qs = new ArrayList<>();
    if (m != null && measure == Measure.EXECUTED && AND_PASSING.matcher(s.substring(end)).find()) {
      // "3 of 4 executed and passing": 3 ran and passed, of the 4 there are
      qs.add(new Quantity(Measure.PASSING, n, bound, 0, ""));
      qs.add(new Quantity(Measure.COLLECTED, m, Bound.EXACT, 0, ""));
      return found(s, c.start(), end, qs, subject);
    }
    if (m != null
        && measure == Measure.EXECUTED
        && (!c.group().contains("/") || PASS_WORDS.matcher(s).find())) {
      // "150 of 156 executed": 156 were executed; 150 is what the sentence counts (passing).
      qs.add(new Quantity(Measure.EXECUTED, m, Bound.EXACT, 0, ""));
      if (PASS_WORDS.matcher(s).find()) {
        qs.add(new Quantity(Measure.PASSING, n, bound, 0, ""));
      }
      return found(s, c.start(), end, qs, subject);
    }
    if (m != null) {
      if (measure == Measure.TESTS) {
        return null; // "3/5 tests": which 3 is not said
      }
      if (n > m) {
        qs.add(new Quantity(measure, n, bound, 0, ""));
        qs.add(denominatorOf(measure, m));
        return found(s, c.start(), end, qs, subject);
      }
      qs.add(new Quantity(measure, n, bound, 0, ""));
      qs.add(denominatorOf(measure, m));
    } else {
      qs.add(new Quantity(measure, n, bound, 0, ""));
    }
    return found(s, c.start(), end, qs, subject);
  }

  /**
   * The M of "N/M <measure>"; tests there are labeled {@link #OF}, as either reading (executed or
   * collected) can be meant: "312/320 tests green" with 4 skipped.
   */
  static Quantity denominatorOf(Measure measure, double m) {
    Measure d = denominator(measure);
    return new Quantity(d, m, Bound.EXACT, 0, d == Measure.TESTS ? OF : "");
  }

  /** The label of a fraction's denominator of tests. */
  static final String OF = "of";

  /** What the M of "N/M <measure>" counts. */
  private static Measure denominator(Measure measure) {
    return switch (measure) {
      case COLLECTED, FILES -> Measure.TARGET;
      case EXECUTED -> Measure.COLLECTED;
      default -> Measure.TESTS;
    };
  }

  static Found found(String s, int start, int end, List<Quantity> qs, String subject) {
    return new Found(start, end, qs, subject, Plans.isPlanned(s, start, end));
  }

  private static boolean overlaps(List<Found> found, int at) {
    for (Found f : found) {
      if (at >= f.start() && at < f.end()) {
        return true;
      }
    }
    return false;
  }

  static double number(String text) {
    return Double.parseDouble(text.replace(",", ""));
  }
}
