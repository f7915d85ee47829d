package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence of an evaluation report that opens with the task set it speaks of: "On tool-use, the
 * new model solves 61 of 75 samples, up from 40", "For `sql-gen` the count went from 20 to 26
 * passing, out of 30", "Parsing barely moved: 51 → 50 correct", "sql-gen: 60% → 72%". It states the
 * change of that set's passing samples (or pass rate), whatever other words the sentence has.
 */
final class EvalLeads {

  /** "On tool-use," / "For `sql-gen` the ...": a set named by a hyphen, a dot, a '_' or code. */
  private static final Pattern ON_SET =
      Pattern.compile(
          "^\\W*(?:on|for|in)\\s+(?:`(?<code>[^`\\s]+)`|(?<name>[A-Za-z][\\w.]*(?:[-_.][\\w]+)+))"
              + "(?:\\s*[,:]|\\s+(?:the|it|we|our|this|they)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** "Math barely moved: 39 → 37": a set's name, two words at most, a colon and numbers. */
  private static final Pattern SET_COLON =
      Pattern.compile(
          "^\\W*`?(?<name>[A-Za-z][\\w.]*(?:-[\\w.]+)*)`?(?:\\s+[a-z]+){0,2}\\s*:\\s*\\d");

  private static final Pattern FRACTION =
      Pattern.compile(
          "(?<![\\w.])(\\d+)\\s*(?:/|of|out\\s+of)\\s*(\\d+)(?![\\d.%])", Pattern.CASE_INSENSITIVE);

  private static final Pattern OUT_OF =
      Pattern.compile("\\bout\\s+of\\s+(\\d+)\\b(?![.%])", Pattern.CASE_INSENSITIVE);

  private EvalLeads() {}

  /** The change of the task set the sentence opens with, or null. */
  static Claim read(int line, String s, boolean temporal) {
    String name = name(s);
    if (name == null) {
      return null;
    }
    String bare = s.replaceAll("\\([^()]*\\)", " ");
    ChangeParser change = ChangeParser.parse(bare);
    if (change == null || change.fixed() || change.from() == null) {
      return null;
    }
    if (change.percent()) {
      // "retrieval-qa: 70% → 87.5%": the set's pass rate before and now
      return change.to() == null
          ? null
          : new Claim(
              line,
              s.strip(),
              ClaimKind.CHANGE,
              name,
              List.of(rate(change.to())),
              List.of(rate(change.from())),
              null,
              null,
              temporal);
    }
    Double to = change.to();
    Double of = change.toOf();
    Matcher f = FRACTION.matcher(bare);
    while (f.find()) {
      if (f.start() < change.start() || f.start() >= change.end()) {
        to = to == null ? Double.valueOf(f.group(1)) : to;
        of = of == null ? Double.valueOf(f.group(2)) : of;
        break;
      }
    }
    Matcher outOf = OUT_OF.matcher(bare);
    if (of == null && outOf.find()) {
      of = Double.valueOf(outOf.group(1));
    }
    if (to == null) {
      return null;
    }
    List<Quantity> now = new ArrayList<>();
    List<Quantity> then = new ArrayList<>();
    now.add(Quantity.exact(Measure.PASSING, to));
    then.add(Quantity.exact(Measure.PASSING, change.from()));
    if (of != null) {
      now.add(new Quantity(Measure.TESTS, of, Bound.EXACT, 0, CountParser.OF));
    }
    if (change.fromOf() != null) {
      then.add(new Quantity(Measure.TESTS, change.fromOf(), Bound.EXACT, 0, CountParser.OF));
    }
    return new Claim(line, s.strip(), ClaimKind.CHANGE, name, now, then, null, null, temporal);
  }

  private static Quantity rate(double value) {
    return new Quantity(
        Measure.PASS_RATE, value, Bound.EXACT, value == Math.rint(value) ? 0 : 1, "");
  }

  private static String name(String s) {
    Matcher on = ON_SET.matcher(s);
    if (on.find()) {
      return on.group("code") != null ? on.group("code") : on.group("name");
    }
    Matcher colon = SET_COLON.matcher(s);
    if (colon.find() && !EvalChanges.notASuite(colon.group("name"))) {
      return colon.group("name");
    }
    return null;
  }
}
