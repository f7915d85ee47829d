package dev.evident.verify;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A difference of the whole run stated alone: "we are up 1 passing test", "down 2 failing tests",
 * "3 more tests pass than last week", "2 fewer failures". It is the latest run's count less the
 * baseline's (passing, failing or skipped tests, or executed ones for "tests" alone), never a count
 * of either run: SUPPORTED when the runs differ by it, CONTRADICTED when they do not, UNVERIFIABLE
 * without a baseline. A difference beside its two numbers ("7 more tests pass (41 → 47)") is left
 * to {@link StatedDifference}.
 */
final class StatedGains {

  private static final String N = "(?<n>\\d+)";

  private static final Pattern GAIN =
      Pattern.compile(
          "(?i)\\b(?<dir>up|down)\\s+(?:by\\s+)?"
              + N
              + "\\s+(?:(?<word>passing|passed|failing|failed|skipped|green|red)\\s+)?"
              + "(?:tests?|specs?|checks?)\\b(?!\\s*(?:from|/))"
              + "|(?<![\\w.,/])"
              + N.replace("<n>", "<m>")
              + "\\s+(?<more>more|fewer|less)\\s+(?:(?<word2>passing|failing|failed|skipped|green|red)"
              + "\\s+)?(?:tests?|specs?|checks?|failures)\\b(?:\\s+(?<verb>pass|fail)\\b)?"
              + "(?![^()]*\\(\\s*\\d+\\s*(?:→|->|to)\\s*\\d+)");

  /** What a difference is taken against: "than last week", "since the incident", "vs main". */
  private static final Pattern AGAINST =
      Pattern.compile(
          "(?i)\\b(?:than|since|vs\\.?|versus|compared\\s+(?:to|with)|before|yesterday|baseline"
              + "|last\\s+(?:week|run|night|nightly|sprint|time|build|release))\\b");

  private StatedGains() {}

  /**
   * The claim of a sentence that states a difference against an earlier run and nothing else ("the
   * fix's CI ran 3 more tests than the incident build did", "2 fewer failures than last week"), or
   * null. A count of more tests without an earlier point ("we need 3 more tests") is none.
   */
  static Claim read(int line, String s, boolean temporal) {
    Matcher m = GAIN.matcher(s);
    if (!m.find()
        || m.group("more") == null
        || !AGAINST.matcher(s.substring(m.end())).find()
        || Plans.isPlanned(s, m.start(), m.end())) {
      return null;
    }
    String word = m.group("more").toLowerCase(java.util.Locale.ROOT) + " tests";
    Quantity q =
        new Quantity(Measure.OTHER, Double.parseDouble(m.group("m")), Bound.EXACT, 0, word);
    return new Claim(
        line, s.strip(), ClaimKind.CHANGE, "", List.of(q), List.of(), null, null, temporal);
  }

  /** The claim checked as a difference between the baseline and the latest run, or null. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    Matcher m = GAIN.matcher(c.text());
    if (!c.subject().isEmpty()
        || !c.before().isEmpty() // "5 more tests, taking the suite from 10 to 17": the change
        || !m.find()
        || evidence.runs().isEmpty()) {
      return null;
    }
    boolean up = m.group("dir") != null;
    double stated = Double.parseDouble(up ? m.group("n") : m.group("m"));
    boolean gain =
        up ? m.group("dir").equalsIgnoreCase("up") : m.group("more").equalsIgnoreCase("more");
    String word = up ? m.group("word") : m.group("word2");
    word = word != null ? word : !up && m.group("verb") != null ? m.group("verb") : null;
    if (!up && m.group(0).toLowerCase(java.util.Locale.ROOT).endsWith("failures")) {
      word = "failing";
    }
    Measure measure =
        word == null ? Measure.EXECUTED : Measure.ofWord(word.toLowerCase(java.util.Locale.ROOT));
    List<Long> runs = evidence.runIds();
    if (evidence.baseline() == null || measure == null) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          Map.of(),
          "a difference from the run before, and there is no baseline run to take it from",
          runs);
    }
    // Every reading of the measure ("failing" with or without errors): the first that fits.
    List<Double> then = Readings.candidates(measure, Scope.of(List.of(evidence.baseline())), false);
    List<Double> now = Readings.candidates(measure, Scope.of(evidence.runs()), false);
    double signed = gain ? stated : -stated;
    int fits = 0;
    for (int i = 0; i < Math.min(then.size(), now.size()); i++) {
      fits = now.get(i) - then.get(i) == signed ? i : fits;
    }
    double before = then.get(fits);
    double after = now.get(fits);
    double actual = after - before;
    String runsSay =
        "%s %s in baseline run %d, %s now"
            .formatted(
                Compare.format(before),
                measure.key(),
                evidence.baseline().run().id(),
                Compare.format(after));
    Map<String, Object> found = Map.of(measure.key() + " difference", Math.round(actual));
    return actual == signed
        ? new EvidenceCheck.Result(Verdict.SUPPORTED, found, runsSay, runs)
        : new EvidenceCheck.Result(
            Verdict.CONTRADICTED,
            found,
            "stated %s%s %s, actual %s%s (%s)"
                .formatted(
                    signed >= 0 ? "+" : "",
                    Compare.format(signed),
                    measure.key(),
                    actual >= 0 ? "+" : "",
                    Compare.format(actual),
                    runsSay),
            runs);
  }
}
