package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts of tests that say what the tests did rather than how many there are: "2 checkout tests
 * needed a retry" counts flaky tests, "1 billing test (annual plans) stays pending" counts skipped
 * ones, and "1 skipped and 1 pending" are both the skipped tests of a run, as the formats that know
 * pending tests (mocha, CTRF) and TODOs (TAP) store them as skipped. Without this the number is
 * read as the size of the group ("stated 1 tests, actual 12").
 */
final class SkipAndRetryCounts {

  private SkipAndRetryCounts() {}

  /** "N [checkout] test(s) [(...)]" opening the statement, then what they did. */
  private static final String COUNTED =
      "(?<![\\w.,/])(?<n>\\d+)\\s+(?:[A-Za-z][\\w-]*\\s+){0,2}?(?:tests?|specs?|test\\s+cases?)"
          + "(?:\\s*\\([^)]*\\))?\\s+";

  /** "needed a retry", "required one rerun", "was retried", "passed on a retry". */
  private static final Pattern RETRIED =
      Pattern.compile(
          COUNTED
              + "(?:(?:needed|needs|need|required|requires|require|took)\\s+(?:a|an|one|another)"
              + "\\s+(?:retry|rerun|re-run)|(?:was|were)\\s+retried"
              + "|passed\\s+(?:only\\s+)?on\\s+(?:a\\s+)?(?:retry|rerun|re-run))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "stays pending", "remain skipped", "is still ignored". */
  private static final Pattern LEFT_SKIPPED =
      Pattern.compile(
          COUNTED
              + "(?:stays|stay|remains|remain|(?:is|are)\\s+still|(?:is|are)\\s+left)\\s+"
              + "(?:marked\\s+(?:as\\s+)?)?(?:pending|skipped|ignored|disabled|todo)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "1 skipped and 1 pending", "2 skipped, 3 todo": two counts of what a run skipped. */
  private static final Pattern SKIPPED_AND_PENDING =
      Pattern.compile(
          "(?<![\\w.,/])(?<a>\\d+)\\s+(?<wa>skipped|ignored|pending|todo)\\b[^.;\\d]{0,12}?"
              + "(?<![\\w.,/])(?<b>\\d+)\\s+(?<wb>skipped|ignored|pending|todo)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The claim with such counts read as what they count; the claim itself when it has none. */
  static Claim read(Claim c) {
    Matcher retried = RETRIED.matcher(c.text());
    if (retried.find()) {
      return replaced(c, value(retried), Quantity.exact(Measure.FLAKY, value(retried)));
    }
    Matcher left = LEFT_SKIPPED.matcher(c.text());
    if (left.find()) {
      // a pending test is one of the skipped ones: at least this many were skipped
      double n = value(left);
      return replaced(c, n, new Quantity(Measure.SKIPPED, n, Bound.AT_LEAST, 0, ""));
    }
    Matcher both = SKIPPED_AND_PENDING.matcher(c.text());
    if (both.find() && !both.group("wa").equalsIgnoreCase(both.group("wb"))) {
      return summed(c, Double.parseDouble(both.group("a")), Double.parseDouble(both.group("b")));
    }
    return c;
  }

  private static double value(Matcher m) {
    return Double.parseDouble(m.group("n"));
  }

  /** The claim with its count of {@code n} tests replaced, or itself when it states none. */
  private static Claim replaced(Claim c, double n, Quantity with) {
    List<Quantity> stated = new ArrayList<>(c.stated());
    for (int i = 0; i < stated.size(); i++) {
      Quantity q = stated.get(i);
      if (q.measure() == Measure.TESTS && q.value() == n && q.bound() == Bound.EXACT) {
        stated.set(i, with);
        return withStated(c, stated);
      }
    }
    return c;
  }

  /**
   * The claim with its skipped counts {@code a} and {@code b} (one of them, when the other word was
   * not read as a count) as one of their sum.
   */
  private static Claim summed(Claim c, double a, double b) {
    List<Quantity> stated = new ArrayList<>();
    int skips = 0;
    for (Quantity q : c.stated()) {
      boolean skip =
          q.measure() == Measure.SKIPPED
              && (q.value() == a || q.value() == b)
              && q.label().isEmpty();
      if (!skip) {
        stated.add(q);
      } else if (skips++ == 0) {
        stated.add(new Quantity(Measure.SKIPPED, a + b, q.bound(), 0, ""));
      }
    }
    long all = c.stated().stream().filter(q -> q.measure() == Measure.SKIPPED).count();
    return skips >= 1 && skips <= 2 && all == skips ? withStated(c, stated) : c;
  }

  private static Claim withStated(Claim c, List<Quantity> stated) {
    return new Claim(
        c.line(),
        c.text(),
        c.kind(),
        c.subject(),
        stated,
        c.before(),
        c.expectation(),
        c.factor(),
        c.temporal(),
        c.implied());
  }
}
