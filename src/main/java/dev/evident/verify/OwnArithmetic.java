package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence's own arithmetic, checked on its words whatever its claim is about: a sum written out
 * ("69 passed + 2 failed + 1 skipped = 71 tests"), a difference beside a change ("45 → 48 (+4)"),
 * points between two rates ("from 67% to 79%, up 14 points") and a relative change ("90.6% → 98.2%,
 * a 12% relative improvement").
 */
final class OwnArithmetic {

  private static final String WORDS = "(?:\\s+[A-Za-z][\\w-]*){0,3}";

  /** "a + b + c = n", each number with up to three words after it. */
  private static final Pattern SUM =
      Pattern.compile(
          "(?<![\\w.,/+−-])(\\d+)"
              + WORDS
              + "((?:\\s*\\+\\s*\\d+"
              + WORDS
              + ")+)\\s*=\\s*(\\d+)(?![\\w.,%]\\d|%)");

  private static final Pattern ADDEND = Pattern.compile("\\+\\s*(\\d+)");

  /** "(+4)", "net +4", "−3": a signed whole number that is not a percentage or a factor. */
  private static final Pattern SIGNED =
      Pattern.compile(
          "(?:^|(?<=[\\s(\\[,;:]))([+−-])\\s?(\\d+)(?![\\d.,]\\d|\\s*(?:%|x\\b|×|percent|points?"
              + "|pp\\b|pts?\\b|/)|[\\w-])");

  /** "up 14 points", "more than 10 points better", "+7.6 percentage points", "−0.4 pp". */
  private static final Pattern POINTS =
      Pattern.compile(
          "(?<bound>more\\s+than|over|at\\s+least|about|around|roughly|nearly|almost|~|≈)?\\s*"
              + "[+−-]?(?<n>\\d+(?:\\.\\d+)?)[\\s-]*(?:percentage[\\s-]+points?|points?|pp|pts?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "a 12% relative improvement", "+50% relative", "a relative gain of 50%". */
  private static final Pattern RELATIVE =
      Pattern.compile(
          "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%\\s+relative\\b|\\brelative\\s+(?:improvement|gain"
              + "|increase|drop|decrease|change|fall)\\s+of\\s+(\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PERCENT = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%");

  private OwnArithmetic() {}

  /** Why the sentence's own arithmetic is wrong, or null. */
  static String own(Claim c) {
    String s = c.text();
    String why = sum(s);
    if (why == null) {
      why = points(c);
    }
    if (why == null) {
      why = relative(s);
    }
    return why == null ? difference(s) : why;
  }

  private static String sum(String s) {
    Matcher m = SUM.matcher(s);
    while (m.find()) {
      long total = Long.parseLong(m.group(1));
      Matcher a = ADDEND.matcher(m.group(2));
      while (a.find()) {
        total += Long.parseLong(a.group(1));
      }
      if (total != Long.parseLong(m.group(3))) {
        return "the sum written out makes %d, not %s".formatted(total, m.group(3));
      }
    }
    return null;
  }

  private static String difference(String s) {
    ChangeParser change = ChangeParser.parse(s);
    if (change == null || change.percent() || change.from() == null || change.to() == null) {
      return null;
    }
    Matcher m = SIGNED.matcher(s);
    while (m.find()) {
      if (m.start() >= change.start() && m.start() < change.end()) {
        continue; // a sign inside the change itself
      }
      double stated = Double.parseDouble(m.group(2)) * (m.group(1).equals("+") ? 1 : -1);
      double actual = change.to() - change.from();
      if (stated != actual) {
        return "%s → %s is %s%s, not %s%s"
            .formatted(
                Compare.format(change.from()),
                Compare.format(change.to()),
                actual < 0 ? "−" : "+",
                Compare.format(Math.abs(actual)),
                stated < 0 ? "−" : "+",
                m.group(2));
      }
      return null;
    }
    return null;
  }

  /** The two percentages of the sentence other than those in {@code skip}, or null. */
  private static double[][] rates(String s, Matcher skip) {
    List<double[]> found = new ArrayList<>();
    Matcher p = PERCENT.matcher(s);
    while (p.find()) {
      if (p.start() >= skip.start() && p.start() < skip.end()) {
        continue;
      }
      String n = p.group(1);
      found.add(new double[] {Double.parseDouble(n), n.contains(".") ? 0.05 : 0.5});
    }
    return found.size() == 2 ? found.toArray(double[][]::new) : null;
  }

  /** Whether a sentence states a difference in points ("up 3 points", "+7.6 pp"). */
  static boolean statesPoints(String s) {
    return POINTS.matcher(s).find();
  }

  private static String points(Claim c) {
    String s = c.text();
    Matcher m = POINTS.matcher(s);
    if (!m.find()) {
      return null;
    }
    double[][] rates = rates(s, m);
    if (rates == null) {
      rates = ratesOf(c); // "That is +7.6 points": the rates of the change it refers to
    }
    if (rates == null) {
      return null;
    }
    double actual = Math.abs(rates[1][0] - rates[0][0]);
    String n = m.group("n");
    double stated = Double.parseDouble(n);
    double slack = rates[0][1] + rates[1][1] + (n.contains(".") ? 0.05 : 0.5);
    String bound = m.group("bound") == null ? "" : m.group("bound").toLowerCase();
    boolean holds =
        switch (bound) {
          case "" -> Math.abs(actual - stated) <= slack;
          case "more than", "over" -> actual > stated - rates[0][1] - rates[1][1];
          case "at least" -> actual >= stated - slack;
          default -> Math.abs(actual - stated) <= slack + 0.5;
        };
    return holds
        ? null
        : "%s%% and %s%% are %s points apart, not %s%s"
            .formatted(
                Compare.format(rates[0][0]),
                Compare.format(rates[1][0]),
                Compare.format(Math.round(actual * 10) / 10.0),
                bound.isEmpty() ? "" : bound + " ",
                n);
  }

  /** The rate before and the rate now of a change of rates, or null. */
  private static double[][] ratesOf(Claim c) {
    if (c.before().isEmpty()
        || c.stated().isEmpty()
        || !c.before().get(0).measure().isRate()
        || c.stated().get(0).measure() != c.before().get(0).measure()) {
      return null;
    }
    Quantity a = c.before().get(0);
    Quantity b = c.stated().get(0);
    return new double[][] {
      {a.value(), a.decimals() > 0 ? 0.05 : 0.5}, {b.value(), b.decimals() > 0 ? 0.05 : 0.5}
    };
  }

  private static String relative(String s) {
    Matcher m = RELATIVE.matcher(s);
    if (!m.find()) {
      return null;
    }
    String n = m.group(1) != null ? m.group(1) : m.group(2);
    double stated = Double.parseDouble(n);
    double from;
    double to;
    double[][] rates = rates(s, m);
    ChangeParser change = ChangeParser.parse(s);
    if (rates != null) {
      from = rates[0][0];
      to = rates[1][0];
    } else if (change != null && change.from() != null && change.to() != null) {
      from = change.from();
      to = change.to();
    } else {
      return null;
    }
    if (from == 0) {
      return null;
    }
    double actual = Math.abs(100 * (to - from) / from);
    // the rates are rounded: allow what their rounding can move the ratio, and the stated rounding
    double slack = (n.contains(".") ? 0.05 : 0.5) + 100 * 0.05 / Math.min(from, to) + 0.5;
    return Math.abs(actual - stated) <= slack
        ? null
        : "%s → %s is a %s%% relative change, not %s%%"
            .formatted(
                Compare.format(from),
                Compare.format(to),
                Compare.format(Math.round(actual * 10) / 10.0),
                n);
  }
}
