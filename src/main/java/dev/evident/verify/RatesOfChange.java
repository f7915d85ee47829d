package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rates of a change that states counts beside them ("passed 35 of 36 tests (97.2%), up from
 * 94.3%"): what "That is a 3.9-point improvement" on the next line is the difference of.
 */
final class RatesOfChange {

  private RatesOfChange() {}

  /**
   * The nearest change before claim {@code i}, on an earlier line within four, whose numbers before
   * are a rate that it also states now; null when there is none.
   */
  static Claim before(List<Claim> claims, int i) {
    Claim c = claims.get(i);
    for (int j = i - 1; j >= 0 && claims.get(j).line() >= c.line() - 4; j--) {
      Claim prior = claims.get(j);
      if (prior.kind() == ClaimKind.CHANGE && prior.line() < c.line() && only(prior) != null) {
        return prior;
      }
    }
    return null;
  }

  private static final Pattern PERCENT = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?%");

  /**
   * The one other percentage of a sentence that states the rate before ("(97.2%), up from 94.3%"):
   * the rate now, in parentheses beside its counts; empty unless there are exactly two.
   */
  private static List<Quantity> otherPercentage(String text, Quantity before) {
    List<String> all = new ArrayList<>();
    Matcher m = PERCENT.matcher(text);
    while (m.find()) {
      all.add(m.group(1));
    }
    if (all.size() != 2) {
      return List.of();
    }
    String other = Double.parseDouble(all.get(0)) == before.value() ? all.get(1) : all.get(0);
    if (Double.parseDouble(all.get(0)) != before.value()
        && Double.parseDouble(all.get(1)) != before.value()) {
      return List.of();
    }
    int decimals = other.contains(".") ? other.length() - other.indexOf('.') - 1 : 0;
    return List.of(
        new Quantity(before.measure(), Double.parseDouble(other), Bound.EXACT, decimals, ""));
  }

  /** The change with only its rates of the measure it had before, or null when it has none. */
  static Claim only(Claim change) {
    if (change.before().isEmpty() || !change.before().get(0).measure().isRate()) {
      return null;
    }
    Measure rate = change.before().get(0).measure();
    List<Quantity> now = change.stated().stream().filter(q -> q.measure() == rate).toList();
    List<Quantity> then = change.before().stream().filter(q -> q.measure() == rate).toList();
    if (now.isEmpty() && then.size() == 1) {
      now = otherPercentage(change.text(), then.get(0));
    }
    if (now.isEmpty()) {
      return null;
    }
    return new Claim(
        change.line(),
        change.text(),
        change.kind(),
        change.subject(),
        now,
        then,
        change.expectation(),
        change.factor(),
        change.temporal(),
        change.implied());
  }
}
