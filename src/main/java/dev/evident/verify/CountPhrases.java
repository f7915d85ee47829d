package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads counts stated in phrases with no test noun right after the number: evaluation reports,
 * whose tests are samples, tasks or problems a model solves ("v3 solves 84 of 120 samples", "74/100
 * tasks solved", "all but 26 tasks solved"; only with a verb of passing: "5 of 6 tasks done" is
 * project work, not a result), "45 of the 46 that ran are fine", number words ("one test is
 * skipped") and fractions with no word by them ("`InvoiceTest`: 21/21").
 */
final class CountPhrases {

  private static final String UNITS = "(?:samples|tasks|problems|prompts|questions|items|cases)";

  private static final Pattern VERB_FIRST =
      Pattern.compile(
          "\\b(?:solves|solved|passes|passed|answers|answered)\\s+(?<n>"
              + CountParser.NUMBER
              + ")\\s*(?:/|of|out of)\\s*(?:the\\s+)?(?<m>"
              + CountParser.NUMBER
              + ")\\s+"
              + UNITS
              + "\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern VERB_AFTER =
      Pattern.compile(
          "(?<![\\w.,/-])(?<n>"
              + CountParser.NUMBER
              + ")\\s*(?:/|of|out of)\\s*(?:the\\s+)?(?<m>"
              + CountParser.NUMBER
              + ")\\s+"
              + UNITS
              + "\\s+(?:are\\s+|were\\s+)?(?:solved|passed|passing|correct)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ALL_BUT =
      Pattern.compile(
          "\\ball\\s+but\\s+(?<n>"
              + CountParser.NUMBER
              + ")\\s+"
              + UNITS
              + "\\s+(?:are\\s+|were\\s+)?(?:solved|passed|passing|correct)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "45 of the 46 that ran are fine": passing of executed. */
  private static final Pattern OF_THOSE_THAT_RAN =
      Pattern.compile(
          "(?<![\\w.,/-])(?<n>"
              + CountParser.NUMBER
              + ")\\s+of\\s+the\\s+(?<m>"
              + CountParser.NUMBER
              + ")\\s+(?:tests?\\s+)?(?:that|which)\\s+(?:ran|were\\s+run|were\\s+executed|executed)"
              + "\\s+(?:are\\s+|were\\s+)?(?:fine|ok|green|passing|passed|pass|good|succeeded)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> NUMBER_WORDS =
      List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  /** "Only one test is skipped": a number word before tests and their status. */
  private static final Pattern NUMBER_WORD =
      Pattern.compile(
          "\\b(one|two|three|four|five|six|seven|eight|nine|ten)\\b(?=\\s+(?:[\\w-]+\\s+)?(?:tests?"
              + "|specs?)\\s+(?:is\\s+|are\\s+|was\\s+|were\\s+)?(?:skipped|failing|failed|passing"
              + "|passed|errored)\\b)",
          Pattern.CASE_INSENSITIVE);

  private CountPhrases() {}

  /** The value of a count written in digits or as a word from one to ten ("two" is 2). */
  static double value(String n) {
    int word = NUMBER_WORDS.indexOf(n.toLowerCase(java.util.Locale.ROOT));
    return word >= 0 ? word + 1 : Double.parseDouble(n);
  }

  /**
   * The text with each number word that counts tests by their status ("one test is skipped") as
   * digits, padded so that positions stay.
   */
  static String numberWords(String text) {
    return NUMBER_WORD
        .matcher(text)
        .replaceAll(
            m -> {
              String digits = String.valueOf((int) value(m.group(1)));
              return digits + " ".repeat(m.group(1).length() - digits.length());
            });
  }

  /** Adds the counts of solved samples a sentence states to {@code found}. */
  static void read(String s, List<CountParser.Found> found) {
    for (Pattern p : new Pattern[] {VERB_FIRST, VERB_AFTER}) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        double n = CountParser.number(m.group("n"));
        double of = CountParser.number(m.group("m"));
        if (n <= of) {
          List<Quantity> qs =
              List.of(
                  Quantity.exact(Measure.PASSING, n),
                  new Quantity(Measure.TESTS, of, Bound.EXACT, 0, CountParser.OF));
          found.add(CountParser.found(s, m.start("n"), m.end(), qs, ""));
        }
      }
    }
    Matcher ran = OF_THOSE_THAT_RAN.matcher(s);
    while (ran.find()) {
      List<Quantity> qs =
          List.of(
              Quantity.exact(Measure.PASSING, CountParser.number(ran.group("n"))),
              Quantity.exact(Measure.EXECUTED, CountParser.number(ran.group("m"))));
      found.add(CountParser.found(s, ran.start(), ran.end(), qs, ""));
    }
    Matcher allBut = ALL_BUT.matcher(s);
    while (allBut.find()) {
      List<Quantity> qs =
          List.of(Quantity.exact(Measure.NOT_PASSING, CountParser.number(allBut.group("n"))));
      found.add(CountParser.found(s, allBut.start(), allBut.end(), qs, ""));
    }
  }

  private static final Pattern BARE_FRACTION =
      Pattern.compile(
          "(?<![\\w/.,$#])("
              + CountParser.NUMBER
              + ")\\s*/\\s*("
              + CountParser.NUMBER
              + ")(?![\\w/%]|[.,]\\d)");

  /**
   * "7 of 8 in both runs", "14 of 14.": a fraction in words with nothing counted after it but the
   * runs or places it is in.
   */
  private static final Pattern BARE_OF =
      Pattern.compile(
          "(?<![\\w/.,$#])("
              + CountParser.NUMBER
              + ")\\s+(?:of|out\\s+of)\\s+("
              + CountParser.NUMBER
              + ")(?=\\s*(?:$|[.,;)]|\\((?!\\d)|(?:in|on|across|over|for|at)\\s))");

  /**
   * A fraction with no word by it, in a sentence that opens with the subject it is of
   * ("`InvoiceTest`: 21/21", "WebhookRetryTests: 7 of 8 in both runs"): passing tests of all, or
   * null.
   */
  static CountParser.Found bareFraction(String s) {
    Matcher f = BARE_FRACTION.matcher(s);
    if (!f.find()) {
      f = BARE_OF.matcher(s);
      if (!f.find()) {
        return null;
      }
    }
    double n = CountParser.number(f.group(1));
    double m = CountParser.number(f.group(2));
    if (n > m || m == 0) {
      return null;
    }
    return CountParser.found(
        s,
        f.start(),
        f.end(),
        List.of(Quantity.exact(Measure.PASSING, n), CountParser.denominatorOf(Measure.PASSING, m)),
        "");
  }

  /** "10/11 in #5512, 11/11 in #5513": the fraction of each of two runs, the earlier first. */
  private static final Pattern PER_RUN =
      Pattern.compile(
          "(?<![\\w/.,$#])(?<a>\\d+)\\s*/\\s*(?<am>\\d+)\\s+(?:in|on|at|for)\\s+(?<r1>[^,;]{1,30}?)"
              + "\\s*[,;]\\s*(?:and\\s+|then\\s+)?(?<b>\\d+)\\s*/\\s*(?<bm>\\d+)\\s+(?:in|on|at|for)\\s+"
              + "(?<r2>[^,;.]{1,30}?)\\s*(?:[.,;]|$)");

  /**
   * A labeled sentence that gives its subject's fraction in two runs ("RefundFlowTests: 10/11 in
   * #5512, 11/11 in #5513"): a change from the earlier (the first, or the lower build number) to
   * the later; null when there is none.
   */
  static Claim perRun(int line, String s, String text, String subject, boolean temporal) {
    Matcher m = PER_RUN.matcher(s);
    if (!m.find() || m.group("r1").matches("(?i).*\\bboth\\b.*")) {
      return null;
    }
    boolean swap = runNumber(m.group("r1")) > runNumber(m.group("r2"));
    String a = swap ? "b" : "a";
    String b = swap ? "a" : "b";
    List<Quantity> now =
        List.of(
            Quantity.exact(Measure.PASSING, CountParser.number(m.group(b))),
            CountParser.denominatorOf(Measure.PASSING, CountParser.number(m.group(b + "m"))));
    List<Quantity> then =
        List.of(
            Quantity.exact(Measure.PASSING, CountParser.number(m.group(a))),
            CountParser.denominatorOf(Measure.PASSING, CountParser.number(m.group(a + "m"))));
    if (now.get(0).value() > now.get(1).value() || then.get(0).value() > then.get(1).value()) {
      return null;
    }
    return new Claim(line, text, ClaimKind.CHANGE, subject, now, then, null, null, temporal);
  }

  private static long runNumber(String run) {
    Matcher n = Pattern.compile("\\d+").matcher(run);
    return n.find() && n.group().length() < 18 ? Long.parseLong(n.group()) : -1;
  }
}
