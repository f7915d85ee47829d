package dev.evident.verify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers about what test results do not measure: coverage, latency, throughput, page load
 * and web vitals, bundle and binary sizes, recovery times (RTO), soak runs, Lighthouse, mutation,
 * accuracy and other scores ("model X scores 71% on the set", "is reported at 78%"), speed-ups,
 * story points. They are claims (a report states them as results), but no run speaks to them: their
 * verdict is UNVERIFIABLE, unless their own arithmetic is wrong ("41 ms → 12 ms (5x faster)"). A
 * change of two numbers or a factor is a change, a percentage a rate, anything else a count.
 */
final class Metrics {

  private static final Pattern METRIC =
      Pattern.compile(
          "\\b(coverage|covered|latency|latencies|p(?:50|75|90|95|99|999)|throughput"
              + "|lighthouse|(?:[\\w-]+\\s+)?score|page\\s+load"
              + "|load\\s+time|response\\s+time|memory|heap|cpu|pass@\\d+|story\\s+points"
              + "|faster|slower|warnings|cves?|vulnerabilit(?:y|ies)|visual\\s+changes?"
              + "|(?:accessibility|a11y)\\s+audit|penetration\\s+test|pen[- ]?test|surviving\\s+mutants"
              + "|snapshots|fuzz(?:ing|er)?|crashers|crash-free|ndcg(?:@\\d+)?|pages\\s+fired"
              + "|(?:bundle|binary|image|artifact|apk)\\s+size|lcp|fcp|ttfb|rto|rpo|mttr|accuracy|f1"
              + "|toxicity|violations|leaks|soak(?:ed)?|scor(?:es|ed)(?=\\s+\\d)|reported\\s+at(?=\\s+\\d)|"
              + CountWords.STATIC_ANALYSIS
              + ")\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String VALUE = "(\\d+(?:\\.\\d+)?)";

  private static final String UNIT =
      "\\s*(%|ms|milliseconds?|s|secs?|seconds?|minutes?|min|MB|GB|KB|rps|req/s|qps)?";

  /** "41 ms → 12 ms", "from 71% to 84%", "91 (was 88)", "82%, up from 71%". */
  private static final Pattern CHANGE =
      Pattern.compile(
          "(?:\\bfrom\\s+)?(?<![\\w.])"
              + VALUE
              + UNIT
              + "\\s*(?:→|->|=>|⟶|➔|\\s+to\\s+)\\s*"
              + VALUE
              + UNIT
              + "(?![\\w.])|(?<![\\w.])"
              + VALUE
              + UNIT
              + "[\\s,;]*\\(?\\s*(?:was|previously|before:?|up\\s+from|down\\s+from|from)\\s+"
              + VALUE,
          Pattern.CASE_INSENSITIVE);

  /** "5x faster", "3.4x slower", "2x better". */
  private static final Pattern FACTOR =
      Pattern.compile(
          "(?<![\\w.])"
              + VALUE
              + "\\s*[x×]\\s+(faster|slower|better|worse|quicker|lower|higher)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PERCENT = Pattern.compile("(?<![\\w.])" + VALUE + "\\s?%");

  /** A number that is a measurement: not a version, a date, an id or an amount. */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.$#€£/-])" + VALUE + "(?![\\w.]\\d|/\\d|-\\d)");

  /**
   * How long the build or the tests took ("CI is 20x faster"), or a target ("the SLO stays at 50 ms
   * p99"): not a result.
   */
  private static final Pattern NOT_A_RESULT =
      Pattern.compile(
          "\\b(?:ci|build|builds|pipeline|compile|compilation|wall|test\\s+run|suite\\s+run)\\b"
              + "|\\b(?:target|slo|sla|goal|budget|threshold)s?\\b",
          Pattern.CASE_INSENSITIVE);

  /** A target or budget a result is held against: "180 ms against a budget of 250 ms". */
  private static final Pattern TARGET =
      Pattern.compile("\\b(?:target|slo|sla|goal|budget|threshold)s?\\b", Pattern.CASE_INSENSITIVE);

  /** What a build's own output counts ("Build: 0 warnings"): a result, though of the build. */
  private static final Pattern OF_THE_BUILD =
      Pattern.compile("warnings|cves?|vulnerabilit(?:y|ies)", Pattern.CASE_INSENSITIVE);

  private static final Pattern ESTIMATE = Pattern.compile("story-points");

  /** "34 of 40 delivered": work done of the planned, a result. */
  private static final Pattern DONE_OF =
      Pattern.compile("\\d+\\s*(?:/|of|out\\s+of)\\s*\\d+", Pattern.CASE_INSENSITIVE);

  private Metrics() {}

  /** The claim of a sentence that states a metric, or null. */
  static Claim read(int line, String s, String text, boolean temporal) {
    if (ChangeClaims.refersBack(s) && OwnArithmetic.statesPoints(s)) {
      // "That is +7.6 percentage points": points of the change before it (see ChangeClaims)
      return new Claim(
          line, text, ClaimKind.CHANGE, "", List.of(), List.of(), null, null, temporal);
    }
    String plain = resultBefore(s.replaceAll("`[^`]*`", " "));
    Matcher metric = METRIC.matcher(plain);
    if (!metric.find()
        || NOT_A_RESULT.matcher(plain).find() && !OF_THE_BUILD.matcher(metric.group(1)).matches()) {
      return null;
    }
    // One word: a metric is never compared with another line's (two pages' scores differ).
    String label = metric.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    Matcher change = CHANGE.matcher(plain);
    Matcher factor = FACTOR.matcher(plain);
    boolean changed = change.find();
    boolean factored = factor.find();
    if (changed || factored) {
      Double from = null;
      Double to = null;
      if (changed) {
        boolean arrow = change.group(1) != null;
        from = Double.valueOf(arrow ? change.group(1) : change.group(7));
        to = Double.valueOf(arrow ? change.group(3) : change.group(5));
        if (arrow) {
          // "from 10 min to 30 s": both in seconds, so that the ratio is right.
          from *= seconds(change.group(2), change.group(4));
          to *= seconds(change.group(4), change.group(2));
        }
      }
      Double f = factored ? Double.valueOf(factor.group(1)) : null;
      if (f != null && to != null && to < from && f > 1) {
        f = 1 / f; // "41 ms → 12 ms (5x faster)": the number went down by that factor
      }
      Quantity after = other(to != null ? to : f, label);
      return new Claim(
          line,
          text,
          ClaimKind.CHANGE,
          "",
          List.of(after),
          from == null ? List.of() : List.of(other(from, label)),
          null,
          to == null ? null : f,
          temporal);
    }
    Matcher percent = PERCENT.matcher(plain);
    if (percent.find()) {
      return claim(line, text, ClaimKind.RATE, Double.valueOf(percent.group(1)), label, temporal);
    }
    if (ESTIMATE.matcher(label).matches() && !DONE_OF.matcher(plain).find()) {
      return null; // "Story points: 5": an estimate of work, not a result
    }
    Matcher number = NUMBER.matcher(plain.replace(metric.group(), " "));
    if (number.find()) {
      return claim(line, text, ClaimKind.COUNT, Double.valueOf(number.group(1)), label, temporal);
    }
    return null;
  }

  /**
   * The sentence up to the target its result is held against ("p95 is 180 ms against a budget of
   * 250 ms"), when a metric and its number come before it; else the sentence.
   */
  private static String resultBefore(String plain) {
    Matcher target = TARGET.matcher(plain);
    if (!target.find() || target.start() == 0) {
      return plain;
    }
    String before = plain.substring(0, target.start());
    Matcher metric = METRIC.matcher(before);
    return metric.find() && NUMBER.matcher(before.substring(metric.end())).find() ? before : plain;
  }

  /** What a number with {@code unit} is in seconds, when {@code other} is another unit of time. */
  private static double seconds(String unit, String other) {
    double u = secondsOf(unit);
    double o = secondsOf(other);
    return u > 0 && o > 0 && u != o ? u : 1;
  }

  private static double secondsOf(String unit) {
    if (unit == null) {
      return 0;
    }
    String u = unit.toLowerCase(Locale.ROOT);
    return u.startsWith("ms") || u.startsWith("milli")
        ? 0.001
        : u.startsWith("min") ? 60 : u.startsWith("s") ? 1 : 0;
  }

  private static Claim claim(
      int line, String text, ClaimKind kind, double value, String label, boolean temporal) {
    return new Claim(
        line, text, kind, "", List.of(other(value, label)), List.of(), null, null, temporal);
  }

  private static Quantity other(double value, String label) {
    int decimals = value == Math.rint(value) ? 0 : 1;
    return new Quantity(Measure.OTHER, value, Bound.EXACT, decimals, label);
  }
}
