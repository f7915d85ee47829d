package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes of an evaluation report, whose suites are task sets and whose numbers are samples solved
 * with no word for them: "retrieval-qa 28/40 → 35/40", "summarize improved from 24 to 26", "Biggest
 * jump on gsm-hard: 31 → 38 (1.5x)". Read only in a report about evaluations (samples, harness,
 * leaderboard, benchmark) and only of the suite named right before the numbers: a change of its
 * passing samples.
 */
final class EvalChanges {

  private static final Pattern EVAL_REPORT =
      Pattern.compile(
          "\\b(samples?|evals?|evaluations?|harness|leaderboard|benchmarks?|checkpoints?"
              + "|fine-?tunes?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CHANGE =
      Pattern.compile(
          "(?<![\\w.-])(?<name>[A-Za-z][\\w.]*(?:-[\\w.]+)*)(?:\\s*:\\s*(?:from\\s+)?|\\s+(?:improved"
              + "|went|rose|climbed|slipped|dropped|fell|moved|grew|jumped|increased|decreased)"
              + "\\s+(?:from\\s+)?|\\s+)(?<a>\\d+)(?:\\s*/\\s*(?<am>\\d+))?\\s*(?:→|->|⟶|\\s+to\\s+)\\s*"
              + "(?<b>\\d+)(?:\\s*/\\s*(?<bm>\\d+))?(?![\\w%/]|\\.\\d|\\s*%)"
              + "(?:\\s*\\(\\s*(?<x>\\d+(?:\\.\\d+)?)\\s*[x×]\\s*\\))?");

  /** Words before the numbers that are not a task set (they have readings of their own). */
  private static final Set<String> NOT_A_SUITE =
      Set.of(
          "failures",
          "failed",
          "failing",
          "errors",
          "errored",
          "skipped",
          "passed",
          "passing",
          "tests",
          "test",
          "samples",
          "tasks",
          "score",
          "overall",
          "total",
          "all",
          "from",
          "it",
          "timeouts",
          "latency",
          "coverage",
          "cost",
          "tokens",
          "was",
          "is",
          "and",
          "pass",
          "rate",
          "accuracy",
          "reference",
          "example",
          "short",
          "average",
          "the");

  private EvalChanges() {}

  /** Whether a report is about evaluations of models. */
  static boolean isEvalReport(String markdown) {
    return EVAL_REPORT.matcher(markdown).find();
  }

  /**
   * Reads a sentence of an evaluation report: one that opens with a task set ("On tool-use, ...",
   * "Math barely moved: ...") states the change of that set, in place of the claims read from it
   * (added to {@code out} from {@code before}); one with no other claim may state a task set's
   * change by its numbers alone.
   */
  static void read(int line, String s, boolean temporal, List<Claim> out, int before) {
    Claim led = EvalLeads.read(line, s, temporal);
    if (led != null) {
      out.subList(before, out.size()).clear();
      out.add(led);
      return;
    }
    if (out.size() == before) {
      Claim change = read(line, s, s.strip(), temporal);
      if (change != null) {
        out.add(change);
      }
    }
  }

  /** Whether a word before numbers cannot name a task set. */
  static boolean notASuite(String word) {
    return NOT_A_SUITE.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /** The change of a task set a sentence states, or null. */
  static Claim read(int line, String s, String text, boolean temporal) {
    Matcher m = CHANGE.matcher(s.replace("`", "").replace("**", ""));
    if (!m.find() || NOT_A_SUITE.contains(m.group("name").toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    if (m.group("name").matches("\\d.*|v\\d.*|[A-Z]{2,}")) {
      return null;
    }
    List<Quantity> now = new ArrayList<>();
    List<Quantity> then = new ArrayList<>();
    now.add(Quantity.exact(Measure.PASSING, Double.parseDouble(m.group("b"))));
    then.add(Quantity.exact(Measure.PASSING, Double.parseDouble(m.group("a"))));
    if (m.group("bm") != null && m.group("am") != null) {
      now.add(of(m.group("bm")));
      then.add(of(m.group("am")));
    } else if (m.group("bm") != null || m.group("am") != null) {
      return null;
    }
    Double factor = m.group("x") == null ? null : Double.valueOf(m.group("x"));
    return new Claim(
        line, text, ClaimKind.CHANGE, m.group("name"), now, then, null, factor, temporal);
  }

  private static Quantity of(String n) {
    return new Quantity(Measure.TESTS, Double.parseDouble(n), Bound.EXACT, 0, CountParser.OF);
  }
}
