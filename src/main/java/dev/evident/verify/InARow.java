package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * "Zero failing e2e tests for the second release in a row", "green for the third night running": a
 * claim about the latest run that says the run before was the same. The baseline is held to it too:
 * a claim the latest run bears out is CONTRADICTED when the baseline run contradicts it.
 */
final class InARow {

  private static final Pattern IN_A_ROW =
      Pattern.compile(
          "\\b(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th))\\s+(?:straight\\s+|consecutive\\s+)?"
              + "(?:release|build|run|night|nightly|day|time|week|sprint)s?\\s+"
              + "(?:in\\s+a\\s+row|running|straight)\\b",
          Pattern.CASE_INSENSITIVE);

  private InARow() {}

  /** The result, contradicted when the claim says it held before too and the baseline did not. */
  static EvidenceCheck.Result of(Claim c, EvidenceCheck.Result r, EvidenceCheck earlier) {
    if (r.verdict() != Verdict.SUPPORTED
        || earlier == null
        || c.kind() == ClaimKind.CHANGE
        || c.kind() == ClaimKind.TABLE
        || !IN_A_ROW.matcher(c.text()).find()) {
      return r;
    }
    EvidenceCheck.Result then = earlier.check(c);
    if (then.verdict() != Verdict.CONTRADICTED) {
      return r;
    }
    return new EvidenceCheck.Result(
        Verdict.CONTRADICTED,
        then.actual(),
        "says the run before was the same, and the baseline is not: " + then.reason(),
        then.runs());
  }
}
