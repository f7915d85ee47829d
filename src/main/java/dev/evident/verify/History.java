package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts over a history of runs ("red 3 nights in a row", "has failed 5 times this month", "flaky
 * on 4 of the last 20 builds", "green for 60 consecutive days", "ran the suite 50 times
 * overnight"). They are results, but the evidence holds a latest run and its baseline, not their
 * history: such a claim is UNVERIFIABLE, never read as a count of tests.
 */
final class History {

  private static final String N = "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten)";

  private static final String RUNS =
      "(?:times|nights|nightlies|days|weeks|months|builds|runs|ci\\s+runs|deploys|releases)";

  private static final Pattern SPAN =
      Pattern.compile(
          "\\b(?<n>"
              + N
              + ")\\s+(?:consecutive\\s+)?"
              + RUNS
              + "\\s+(?:in\\s+a\\s+row|running|straight|overnight|since\\b|this\\s+(?:week|month|sprint"
              + "|quarter)|in\\s+the\\s+last\\b)"
              + "|\\b(?:for|in|over)\\s+(?:the\\s+)?(?:last\\s+|past\\s+)?(?<m>"
              + N
              + ")\\s+(?:consecutive\\s+)?"
              + RUNS
              + "\\b"
              + "|\\b(?<k>"
              + N
              + ")\\s+of\\s+the\\s+(?:last|past)\\s+"
              + N
              + "\\s+\\w+",
          Pattern.CASE_INSENSITIVE);

  /** Words that make the history one of test results. */
  private static final Pattern RESULTS =
      Pattern.compile(
          "\\b(?:red|green|fail\\w*|pass\\w*|flak\\w*|broke\\w*|suite|tests?|nightl\\w*"
              + "|regress\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The label of the quantity such a claim states. */
  static final String LABEL = "runs in the history";

  private History() {}

  /** The claim of a sentence that counts over a history of runs, or null. */
  static Claim read(int line, String s, boolean temporal) {
    Matcher m = SPAN.matcher(s);
    if (!m.find() || !RESULTS.matcher(s).find() || Plans.isPlanned(s, m.start(), m.end())) {
      return null;
    }
    String n =
        m.group("n") != null ? m.group("n") : m.group("m") != null ? m.group("m") : m.group("k");
    Quantity q = new Quantity(Measure.OTHER, CountPhrases.value(n), Bound.EXACT, 0, LABEL);
    return new Claim(
        line, s.strip(), ClaimKind.COUNT, "", List.of(q), List.of(), null, null, temporal);
  }
}
