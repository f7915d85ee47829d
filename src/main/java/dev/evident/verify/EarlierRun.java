package dev.evident.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Claims about the run before, in the past tense of a report: "On `main`, 8 tests failed", "During
 * the outage, 34 of the 59 tests errored", "Before the fix, 6 tests failed", "Yesterday 3 specs
 * were red". They are checked against the baseline run alone, and are unverifiable without one:
 * checked against the latest run they would be contradicted by a run that moved on. A sentence that
 * also speaks of now ("48 on `main`, 50 now") is a comparison and is left to the other checks.
 */
final class EarlierRun {

  private static final Pattern THEN =
      Pattern.compile(
          "\\b(?:on|in|against)\\s+`?(?:main|master|trunk|develop)`?(?![\\w/-])"
              + "|\\bduring\\s+the\\s+(?:outage|incident|downtime)\\b"
              + "|\\b(?:in|on)\\s+the\\s+(?:baseline|previous\\s+(?:run|build|nightly)"
              + "|last\\s+(?:run|build|nightly)|base\\s+branch|outage\\s+run)\\b"
              + "|\\bbefore\\s+(?:the|this|my|our)\\s+(?:fix|change|refactor|patch|migration"
              + "|upgrade|restart|rollback|PR|merge|rewrite|release|deploy|update|cutover"
              + "|switch|swap|revert)\\b"
              + "|\\b(?:yesterday|last\\s+night)\\b|\\bpreviously\\b|\\boriginally\\b"
              + "|\\b(?:on|in|at|for)\\s+the\\s+(?:faulty|broken|bad|offending|culprit|buggy|old"
              + "|earlier|previous|original)\\s+(?:commit|build|run|release|version|deploy"
              + "|revision|nightly)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Words that may name an earlier point as well as now ("At Milestone 1 there were 5 red tests",
   * "v3.3.0 shipped with one failure", "last week"): a claim with them that the latest run
   * contradicts is read against the baseline too.
   */
  private static final Pattern MAYBE_THEN =
      Pattern.compile(
          "\\b(?:at|in|for|since|by)\\s+(?:milestone|sprint|iteration|phase|release)\\s+\\d+"
              + "|\\bv?\\d+\\.\\d+(?:\\.\\d+)?\\s+(?:was|had|shipped|did|showed)\\b"
              + "|\\b(?:was|were|had)\\b.*\\b(?:then|at\\s+the\\s+time|back\\s+then)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NOW =
      Pattern.compile(
          "\\b(?:now|this\\s+branch|this\\s+PR|after|latest|today|currently|still|again|since"
              + "|→|->|from|to|(?:was|were)\\s+\\d+)\\b|→|->",
          Pattern.CASE_INSENSITIVE);

  private EarlierRun() {}

  /** Whether a claim speaks of the run before only. */
  static boolean speaksOf(Claim c) {
    if (c.kind() == ClaimKind.CHANGE || c.kind() == ClaimKind.TABLE) {
      return false;
    }
    Expectation e = c.expectation();
    if (e == Expectation.NO_REGRESSIONS || e == Expectation.REGRESSED || e == Expectation.FIXED) {
      return false;
    }
    boolean heading = c.implied() && THEN.matcher(c.subject()).find();
    return (THEN.matcher(c.text()).find() || heading) && !NOW.matcher(c.text()).find();
  }

  /**
   * A claim the latest run does not bear out that may be about an earlier point ("At Milestone 1
   * there were 5 red tests", a "Before" section): SUPPORTED when the baseline bears it out; else as
   * it was.
   */
  static EvidenceCheck.Result perhaps(
      Claim c, EvidenceCheck.Result r, Evidence evidence, EvidenceCheck earlier) {
    if (r.verdict() == Verdict.SUPPORTED
        || r.verdict() == Verdict.INCONSISTENT
        || earlier == null
        || c.kind() == ClaimKind.CHANGE
        || c.kind() == ClaimKind.TABLE
        || !(c.temporal() || MAYBE_THEN.matcher(c.text()).find())) {
      return r;
    }
    EvidenceCheck.Result then = earlier.check(c);
    if (then.verdict() != Verdict.SUPPORTED) {
      return r;
    }
    return new EvidenceCheck.Result(
        Verdict.SUPPORTED,
        then.actual(),
        "speaks of an earlier point, and baseline run %d bears it out (the latest run does not: %s): %s"
            .formatted(evidence.baseline().run().id(), r.reason(), then.reason()),
        then.runs());
  }

  /** The claim checked against the baseline run, or unverifiable when there is none. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence, EvidenceCheck earlier) {
    if (evidence.baseline() == null) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          java.util.Map.of(),
          "about an earlier run, and there is no baseline run to check it against (give"
              + " --baseline, or store an earlier run of the project)",
          List.of());
    }
    EvidenceCheck.Result r = earlier.check(c);
    return new EvidenceCheck.Result(
        r.verdict(),
        r.actual(),
        "about an earlier run, so checked against baseline run %d: %s"
            .formatted(evidence.baseline().run().id(), r.reason()),
        r.runs());
  }
}
