package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outcome-like words no {@link Measure} maps ("5 timeouts", "3 tests crashed", "2 quarantined"): a
 * count said with them may count something the evidence has no number for, so the claim is never
 * CONTRADICTED (UNVERIFIABLE, the reason naming the word). A safety net under the parser.
 */
final class UnmappedOutcomes {

  private static final Pattern WORD =
      Pattern.compile(
          "\\b(time[sd]?[- ]?outs?|timed[- ]out|crash(?:es|ed|ing)?|hung|hangs?|blocked|quarantined"
              + "|muted|todo|xpass(?:ed)?|aborted|cancell?ed|interrupted|deselected|retried|reruns?"
              + "|excluded|incomplete|inconclusive|unstable)\\b",
          Pattern.CASE_INSENSITIVE);

  private UnmappedOutcomes() {}

  /** {@code r}, or UNVERIFIABLE when it contradicts a count said with an unmapped outcome word. */
  static EvidenceCheck.Result guard(Claim c, EvidenceCheck.Result r) {
    Matcher word = WORD.matcher(c.text());
    if (r.verdict() != Verdict.CONTRADICTED || c.expectation() != null || !word.find()) {
      return r;
    }
    return new EvidenceCheck.Result(
        Verdict.UNVERIFIABLE,
        r.actual(),
        "the claim counts '%s', an outcome the evidence has no count of, so the measure checked may not be the one meant; as read: %s"
            .formatted(word.group(1), r.reason()),
        r.runs());
  }
}
