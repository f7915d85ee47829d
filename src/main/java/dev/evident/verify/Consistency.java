package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a report against itself, without evidence: parts that do not add up to their total, a part
 * larger than its total, a percentage that is not its fraction, a factor from a zero base ("20x"
 * from 0, "∞%"), a factor that is not the ratio of the numbers stated with it, and two statements
 * of the same quantity about the same subject that disagree ({@link CrossLines}). Statements about
 * another time ("previously", a "Before" section) and changes are not compared with the others.
 */
final class Consistency {

  private Consistency() {}

  /** The inconsistent claims with why, in claim order. */
  static Map<Claim, String> check(List<Claim> claims) {
    return check(claims, c -> false);
  }

  /**
   * The inconsistent claims with why, in claim order; {@code wholeRun} tells the claims whose
   * subject, implied by a heading, is checked against the whole run: they state the whole run's
   * quantities, and are compared with the report's other statements of them.
   */
  static Map<Claim, String> check(
      List<Claim> claims, java.util.function.Predicate<Claim> wholeRun) {
    Map<Claim, String> found = new IdentityHashMap<>();
    for (Claim c : claims) {
      String own = own(c);
      if (own != null) {
        found.put(c, own);
      }
    }
    CrossLines.check(claims.stream().filter(c -> !found.containsKey(c)).toList(), found, wholeRun);
    CrossLines.sameStatement(claims, found);
    return found;
  }

  /** A change stated as a percentage: "(+5%)", "up by 5%", "5% more", "a 5% reduction". */
  private static final Pattern PERCENT_STATED =
      Pattern.compile(
          "[+-−]\\s?\\d+(?:\\.\\d+)?\\s?%|\\b(?:by|of|down)\\s+\\d+(?:\\.\\d+)?\\s?%"
              + "|\\d\\s?%\\s+(?:reduction|fewer|less|lower|decrease|drop|more|increase)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A zero base in words: "where the base passed none", "over 1.9.0, which had none". */
  private static final Pattern ZERO_BASE =
      Pattern.compile(
          "\\b(?:had|passed|from)\\s+(?:none|zero|nothing)\\b", Pattern.CASE_INSENSITIVE);

  /** Parts written as a sum: "1 passed + 4 failed + 13 errors = 18 tests". */
  private static final Pattern SUM = Pattern.compile("\\d[^+=]*\\+\\s*\\d[^=]*=\\s*\\d");

  /** A fraction with its percentage beside it: "49/51 (94%)", "49 of 51 (96%)". */
  private static final Pattern FRACTION_PERCENT =
      Pattern.compile(
          "(?<![\\w.,/])(\\d+)\\s*(?:/|of|out of)\\s*(\\d+)\\s*[(,=]?\\s*(\\d+(?:\\.\\d+)?)\\s?%");

  /** What is wrong with a claim's own arithmetic, or null. */
  static String own(Claim claim) {
    Claim c = RowMarkers.without(claim);
    String fraction = fractionPercent(c.text());
    if (fraction != null) {
      return fraction;
    }
    if (c.factor() != null) {
      Quantity from = c.before().isEmpty() ? null : c.before().get(0);
      if (Double.isInfinite(c.factor())) {
        return "∞ is a change from 0: a change from zero is a count, never a ratio (write it as 0 → N of M)";
      }
      if (from == null && c.factor() > 1 && ZERO_BASE.matcher(c.text()).find()) {
        return "%sx from none: a change from zero is a count, never a ratio (write it as 0 → %s)"
            .formatted(
                Compare.format(c.factor()),
                c.stated().isEmpty() ? "N" : Compare.format(c.stated().get(0).value()));
      }
      if (from != null && from.value() == 0) {
        return "%sx from 0: a change from zero is a count, never a ratio (write it as 0 → %s)"
            .formatted(
                Compare.format(c.factor()),
                c.stated().isEmpty() ? "N" : Compare.format(c.stated().get(0).value()));
      }
      if (from != null && !c.stated().isEmpty()) {
        double to = c.stated().get(0).value();
        double ratio = to / from.value();
        double points = to - from.value();
        double statedPercent = (c.factor() - 1) * 100;
        boolean agrees =
            (PERCENT_STATED.matcher(c.text()).find()
                    ? samePercent((ratio - 1) * 100, statedPercent) // "+5%": a percentage
                    : Compare.sameFactor(ratio, c.factor()))
                || (from.measure().isRate() || from.measure() == Measure.OTHER)
                    && Math.abs(points - statedPercent) <= 0.5; // points only between rates
        if (!agrees) {
          if (PERCENT_STATED.matcher(c.text()).find()) {
            return "%s → %s is %+.0f%%, not %+.0f%%"
                .formatted(
                    Compare.format(from.value()),
                    Compare.format(to),
                    (ratio - 1) * 100,
                    statedPercent);
          }
          if (c.factor() < 1 && ratio > 0) {
            return "%s → %s is %sx lower, not %sx"
                .formatted(
                    Compare.format(from.value()),
                    Compare.format(to),
                    Compare.format(Math.round(10 / ratio) / 10.0),
                    Compare.format(Math.round(10 / c.factor()) / 10.0));
          }
          return "%s → %s is %sx, not %sx"
              .formatted(
                  Compare.format(from.value()),
                  Compare.format(to),
                  Compare.format(Math.round(ratio * 10) / 10.0),
                  Compare.format(c.factor()));
        }
      }
    }
    List<Quantity> parts = new ArrayList<>();
    Quantity total = null;
    boolean skipped = false;
    for (Quantity q : c.stated()) {
      if (q.bound() != Bound.EXACT) {
        continue;
      }
      if (q.measure().isPart()) {
        parts.add(q);
        skipped |= q.measure() == Measure.SKIPPED;
      } else if (q.measure().isTotal() && total == null) {
        total = q;
      }
    }
    if (total != null
        && (total.measure() == Measure.EXECUTED
            || total.measure() == Measure.TESTS
                && ExecutedFractions.executedTotal(c.text(), total))) {
      // Skipped tests are not among the executed ones.
      parts.removeIf(q -> q.measure() == Measure.SKIPPED);
      skipped = false;
    }
    // Flaky tests are a part, apart from passed ones inside a sum written out ("69 passed + 1
    // flaky = 70"); otherwise they may also be among the passed ones.
    boolean written = SUM.matcher(c.text()).find();
    double flaky =
        c.stated().stream()
            .filter(q -> q.measure() == Measure.FLAKY && q.bound() == Bound.EXACT)
            .mapToDouble(Quantity::value)
            .sum();
    if (total != null && parts.size() >= 2) {
      double sum = parts.stream().mapToDouble(Quantity::value).sum();
      // "17 errors + 1 failure = 19 tests": a sum written out must be exact.
      boolean complete = skipped || total.measure() == Measure.COLLECTED || written;
      // "Ran 44 tests: 41 passed, 2 failed, 1 error (2 skipped)": "tests" are the executed ones,
      // so the skipped may stand beside the total as well as within it.
      double executed =
          sum
              - parts.stream()
                  .filter(q -> q.measure() == Measure.SKIPPED)
                  .mapToDouble(Quantity::value)
                  .sum();
      // "96 passing + 3 failing + 1 skipped = 99 tests": a sum written out holds its skipped
      boolean besides =
          !written && skipped && total.measure() == Measure.TESTS && executed == total.value();
      // Unless written out, the flaky tests may be among the passed ones, and a part may be stated
      // in words the claim did not read.
      boolean excused =
          !written && (sum - flaky == total.value() || unreadPartFills(c, total.value() - sum));
      if (!besides && !excused && (sum > total.value() || (complete && sum != total.value()))) {
        return "%s do not add up to %s %s (they make %s)"
            .formatted(
                String.join(" + ", parts.stream().map(q -> q.display() + " " + q.key()).toList()),
                total.display(),
                total.key(),
                Compare.format(sum));
      }
    }
    if (total != null) {
      for (Quantity p : parts) {
        if (p.value() > total.value()) {
          return "%s %s is more than the %s %s stated with it"
              .formatted(p.display(), p.key(), total.display(), total.key());
        }
      }
    }
    return rate(c, parts, total);
  }

  private static String rate(Claim c, List<Quantity> parts, Quantity total) {
    for (Quantity r : c.stated()) {
      if ((r.measure() != Measure.PASS_RATE && r.measure() != Measure.FAIL_RATE)
          || r.bound() != Bound.EXACT) {
        continue;
      }
      Measure partMeasure = r.measure() == Measure.PASS_RATE ? Measure.PASSING : Measure.FAILING;
      Quantity part = c.quantity(partMeasure);
      double of;
      if (total != null && total.measure() != Measure.COLLECTED) {
        of = total.value();
      } else if (total == null
          && c.quantity(Measure.PASSING) != null
          && c.quantity(Measure.FAILING) != null
          && c.quantity(Measure.SKIPPED) == null) {
        of = parts.stream().mapToDouble(Quantity::value).sum();
      } else {
        continue;
      }
      if (part == null || of == 0) {
        continue;
      }
      double actual = Compare.percent(part.value(), of);
      if (!Compare.sameRate(r.value(), actual, r.decimals())) {
        return "%s of %s is %s%%, not %s"
            .formatted(
                Compare.format(part.value()),
                Compare.format(of),
                Compare.format(Math.round(actual * 10) / 10.0),
                r.display());
      }
    }
    return null;
  }

  /** Whether a whole percentage is the actual one rounded or cut ("a drop of 8%" for 8.05%). */
  private static boolean samePercent(double actual, double stated) {
    return Math.abs(actual - stated) < 0.05
        || Math.round(actual) == Math.round(stated)
        || (long) actual == Math.round(stated);
  }

  /** A fraction and its percentage that disagree in one sentence ("49/51 (94%)"), or null. */
  static String fractionPercent(String text) {
    java.util.regex.Matcher m = FRACTION_PERCENT.matcher(text);
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      double d = Double.parseDouble(m.group(2));
      double stated = Double.parseDouble(m.group(3));
      if (d == 0 || n > d) {
        continue;
      }
      double actual = 100 * n / d;
      double tolerance = m.group(3).contains(".") ? 0.1 : 1.0; // rounded or truncated
      if (Math.abs(actual - stated) > tolerance) {
        return "%s/%s is %.1f%%, not %s%%".formatted(m.group(1), m.group(2), actual, m.group(3));
      }
    }
    return null;
  }

  /** A part of the total stated in words the claim did not read: "1 ignored", "2 not run". */
  private static final Pattern UNREAD_PART =
      Pattern.compile(
          "(?<![\\w.,/])(\\d+)\\s+(?:ignored|pending|not\\s+(?:executed|run)|inconclusive"
              + "|todo|xfail(?:ed)?|deselected|disabled|skipped)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the sentence states exactly the {@code missing} part in words the claim did not read.
   */
  private static boolean unreadPartFills(Claim c, double missing) {
    if (missing <= 0 || c.quantity(Measure.SKIPPED) != null) {
      return false; // the tests not run were read: the words are those
    }
    Matcher m = UNREAD_PART.matcher(c.text());
    while (m.find()) {
      if (Double.parseDouble(m.group(1)) == missing) {
        return true;
      }
    }
    return false;
  }
}
