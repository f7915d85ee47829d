package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures of a sentence that are not of the latest run, so that the latest run never contradicts
 * them:
 *
 * <ul>
 *   <li>a figure of an earlier message that the sentence corrects ("Earlier I wrote 3 failures;
 *       it's 4", "the 3 failing I posted earlier is 4"): the claim is the corrected figure;
 *   <li>figures in brackets that speak of an earlier point ("(last drill 7/8)", "(was 5)",
 *       "(previously 12)"): they are checked against the baseline run, SUPPORTED when it bears them
 *       out, CONTRADICTED only when the brackets name the baseline ("the last run", "the
 *       baseline"), else UNVERIFIABLE. The sentence's other figures are checked as usual.
 * </ul>
 */
final class EarlierFigures {

  /** "Earlier I wrote 3 failures in #ops; it's 4", "Before, I said 12: it is actually 13". */
  private static final Pattern CORRECTS =
      Pattern.compile(
          "\\b(?:earlier|before|above|this\\s+morning|yesterday)\\s*,?\\s+I\\s+(?:wrote|said|posted"
              + "|reported|typed|mentioned|put|gave)\\s+(?<old>\\d+)\\b[^;.:]{0,60}?[;:.,]\\s*"
              + "(?:but\\s+|so\\s+)?(?:it's|it\\s+is|it\\s+was|that's|that\\s+is|the\\s+(?:right"
              + "|correct|real)\\s+(?:number|figure|count)\\s+is|(?:it\\s+)?should\\s+(?:be|read|have"
              + "\\s+been))\\s+(?:actually\\s+|really\\s+)?(?<new>\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "The 3 failing I posted earlier is 4", "the 12 I gave this morning should be 13". */
  private static final Pattern CORRECTS_AFTER =
      Pattern.compile(
          "\\bthe\\s+(?<old>\\d+)\\b[^;.]{0,40}?\\bI\\s+(?:wrote|said|posted|reported|mentioned"
              + "|gave|typed)\\s+(?:earlier|before|above|this\\s+morning|yesterday)\\s+(?:is|was"
              + "|are|were|should\\s+(?:be|read|have\\s+been))\\s+(?:actually\\s+|really\\s+)?"
              + "(?<new>\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Brackets that open with an earlier point: "(last drill 7/8", "(was 16/18", "(previously". */
  private static final Pattern EARLIER_BRACKET =
      Pattern.compile(
          "\\(\\s*(?<lead>(?:last|previous|prior|earlier)\\s+(?:[\\w-]+\\s+)?(?:run|drill|build"
              + "|nightly|release|sprint|week|time|attempt|round|report|check|pass|cycle)|baseline"
              + "|was|were|previously|formerly|before|up\\s+from|down\\s+from)\\b(?<body>[^()]*)\\)",
          Pattern.CASE_INSENSITIVE);

  /** Leads that name the run before the latest outright: the baseline. */
  private static final Pattern NAMES_BASELINE =
      Pattern.compile("(?i)^(?:last|previous|prior|baseline)\\b");

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.])");

  private EarlierFigures() {}

  /** The claim's result with its earlier figures read as such; {@code r} when it has none. */
  static EvidenceCheck.Result of(
      Claim c, EvidenceCheck.Result r, EvidenceCheck check, EvidenceCheck earlier, Long baseline) {
    if (c.kind() == ClaimKind.CHANGE || c.stated().isEmpty()) {
      return r;
    }
    Claim corrected = corrected(c);
    if (corrected != null) {
      EvidenceCheck.Result now = check.check(corrected);
      return new EvidenceCheck.Result(
          now.verdict(),
          now.actual(),
          "the sentence corrects an earlier figure, so its corrected one is checked: "
              + now.reason(),
          now.runs());
    }
    if (r.verdict() != Verdict.CONTRADICTED) {
      return r;
    }
    Matcher m = EARLIER_BRACKET.matcher(c.text());
    if (!m.find()) {
      return r;
    }
    List<String> then = numbers(m.group());
    List<String> outside = numbers(c.text().substring(0, m.start()) + c.text().substring(m.end()));
    List<Quantity> earlierOnes = new ArrayList<>();
    List<Quantity> nowOnes = new ArrayList<>();
    Quantity previous = null;
    for (Quantity q : c.stated()) {
      String v = Compare.format(q.value());
      boolean ofPrevious =
          CountParser.OF.equals(q.label()) && previous != null && earlierOnes.contains(previous);
      boolean inBracket = then.contains(v) && (!outside.contains(v) || ofPrevious);
      (inBracket ? earlierOnes : nowOnes).add(q);
      previous = q;
    }
    if (earlierOnes.isEmpty()) {
      return r;
    }
    EvidenceCheck.Result now =
        nowOnes.isEmpty() && c.expectation() == null ? null : check.check(c.withStated(nowOnes));
    if (now != null && now.verdict() == Verdict.CONTRADICTED) {
      return now;
    }
    String lead = m.group("lead").strip();
    EvidenceCheck.Result before = earlier == null ? null : earlier.check(c.withStated(earlierOnes));
    String what = "the figures in '(" + lead + " …)' are of an earlier point";
    if (before != null && before.verdict() == Verdict.SUPPORTED) {
      return new EvidenceCheck.Result(
          Verdict.SUPPORTED,
          before.actual(),
          "%s, and baseline run %d bears them out: %s".formatted(what, baseline, before.reason()),
          before.runs());
    }
    if (before != null
        && before.verdict() == Verdict.CONTRADICTED
        && NAMES_BASELINE.matcher(lead).find()) {
      return new EvidenceCheck.Result(
          Verdict.CONTRADICTED,
          before.actual(),
          "%s, the run before this one: baseline run %d: %s"
              .formatted(what, baseline, before.reason()),
          before.runs());
    }
    return new EvidenceCheck.Result(
        Verdict.UNVERIFIABLE,
        r.actual(),
        what
            + (before == null
                ? ", and there is no baseline run to check them against"
                : ", which the baseline run may not be: " + before.reason()),
        r.runs());
  }

  /** The claim with its figure of an earlier message replaced by the correction, or null. */
  private static Claim corrected(Claim c) {
    Matcher m = CORRECTS.matcher(c.text());
    if (!m.find()) {
      m = CORRECTS_AFTER.matcher(c.text());
      if (!m.find()) {
        return null;
      }
    }
    double old = Double.parseDouble(m.group("old"));
    double now = Double.parseDouble(m.group("new"));
    List<Quantity> stated = new ArrayList<>();
    boolean replaced = false;
    for (Quantity q : c.stated()) {
      if (q.value() == old && !replaced) {
        stated.add(new Quantity(q.measure(), now, q.bound(), q.decimals(), q.label()));
        replaced = true;
      } else if (q.value() != now) {
        stated.add(q);
      }
    }
    return replaced ? c.withStated(stated) : null;
  }

  private static List<String> numbers(String s) {
    List<String> found = new ArrayList<>();
    for (Matcher m = NUMBER.matcher(s); m.find(); ) {
      found.add(Compare.format(Double.parseDouble(m.group())));
    }
    return found;
  }
}
