package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count given for each of two named runs after its label: "Failures: 4 in 2.0, 1 in 2.1",
 * "Skipped: 3 on beta 1 and 2 on beta 2". A change from the earlier run (the first, or the lower
 * version) to the later, never a count of the latest run alone.
 */
final class PerRunCounts {

  private static final Pattern PER_RUN =
      Pattern.compile(
          "^\\W*(?:(?:total|test)\\s+)?(?<label>failures|failing(?:\\s+tests)?|failed(?:\\s+tests)?"
              + "|passing(?:\\s+tests)?|passed|skipped(?:\\s+tests)?|skips|tests)\\s*:\\s*"
              + "(?<a>\\d+)\\s+(?:in|on|for)\\s+(?<r1>[^,;]{1,30}?)"
              + "(?:\\s*[,;]\\s*(?:and\\s+|then\\s+)?|\\s+(?:and|then)\\s+)"
              + "(?<b>\\d+)\\s+(?:in|on|for)\\s+(?<r2>[^,;.]{1,30}?|[\\w.-]{1,30}?)\\s*[.;]?\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private PerRunCounts() {}

  /** The change a line states as one count per named run, or null. */
  static Claim read(int line, String s, String text, boolean temporal) {
    Matcher m = PER_RUN.matcher(s.strip());
    if (!m.find() || m.group("r1").strip().equalsIgnoreCase(m.group("r2").strip())) {
      return null;
    }
    Measure measure = measure(m.group("label").toLowerCase(java.util.Locale.ROOT));
    boolean swap = later(m.group("r1"), m.group("r2"));
    double a = CountParser.number(m.group(swap ? "b" : "a"));
    double b = CountParser.number(m.group(swap ? "a" : "b"));
    return new Claim(
        line,
        text,
        ClaimKind.CHANGE,
        "",
        List.of(Quantity.exact(measure, b)),
        List.of(Quantity.exact(measure, a)),
        null,
        null,
        temporal);
  }

  private static Measure measure(String label) {
    if (label.startsWith("fail")) {
      return Measure.FAILING;
    }
    if (label.startsWith("pass")) {
      return Measure.PASSING;
    }
    return label.startsWith("skip") ? Measure.SKIPPED : Measure.TESTS;
  }

  /** Whether the first run named is the later one by its numbers ("2.1" before "2.0"). */
  private static boolean later(String first, String second) {
    Matcher x = NUMBER.matcher(first);
    Matcher y = NUMBER.matcher(second);
    while (x.find() && y.find()) {
      if (x.group().length() > 18 || y.group().length() > 18) {
        return false;
      }
      int c = Long.compare(Long.parseLong(x.group()), Long.parseLong(y.group()));
      if (c != 0) {
        return c > 0;
      }
    }
    return false;
  }
}
