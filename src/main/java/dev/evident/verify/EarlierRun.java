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
              + "|\\b(?:during|at\\s+the\\s+time\\s+of)\\s+the\\s+(?:outage|incident|downtime)\\b"
              + "|\\b(?:in|on)\\s+the\\s+(?:baseline|previous\\s+(?:run|build|nightly)"
              + "|last\\s+(?:run|build|nightly)|base\\s+(?:branch|commit)|outage\\s+run)\\b"
              + "|\\bbefore\\s+(?:the|this|my|our)\\s+(?:fix|change|refactor|patch|migration"
              + "|upgrade|restart|rollback|PR|merge|rewrite|release|deploy|update|cutover"
              + "|switch|swap|revert)\\b"
              + "|\\b(?:yesterday|last\\s+night)\\b|\\bpreviously\\b|\\boriginally\\b"
              // "The first run had 7 passing": the earliest of the runs, not a first attempt
              + "|\\b(?:the|my|our)\\s+(?:first|initial|original)\\s+(?:run|build|CI\\s+run)\\b"
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
              // "main @ 9f3c2e1: 30 collected", "`master` (4be01c2): 41 passed": a line labeled
              // with the default branch, maybe the run a branch is compared with
              + "|^\\W*(?:main|master|trunk)`?(?:\\s*@\\s*`?[0-9a-f]{7,40}`?"
              + "|\\s*\\(`?[0-9a-f]{7,40}`?\\))?\\s*:"
              + "|\\bv?\\d+\\.\\d+(?:\\.\\d+)?\\s+(?:was|had|shipped|did|showed)\\b"
              + "|\\b(?:was|were|had)\\b.*\\b(?:then|at\\s+the\\s+time|back\\s+then|at\\s+that"
              + "\\s+(?:point|time|stage)|by\\s+then)\\b"
              // "4.1.0 passed 67 of its 69", "the weak spot in 4.1.0: X failed 2 of its 12"
              + "|\\bv?\\d+\\.\\d+\\.\\d+\\b.*\\b(?:was|were|had|passed|failed|errored|ran)\\b"
              + "|\\b(?:was|were|had|passed|failed|errored|ran)\\b.*\\b(?:in|on|for)\\s+v?\\d+\\.\\d+"
              + "\\.\\d+\\b"
              // "In the Q3 sample, 2 tests were skipped", "on the first build 4 failed"
              + "|\\b(?:in|on|for|during)\\s+the\\s+(?:[\\w.-]+\\s+){1,2}?(?:sample|audit|drill|build"
              + "|run|release|nightly)\\b.*\\b(?:was|were|had|passed|failed|errored|ran)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NOW =
      Pattern.compile(
          "\\b(?:now|this\\s+branch|this\\s+PR|after|latest|today|tonight"
              + "|this\\s+(?:morning|afternoon|evening)|currently|still|again|since"
              + "|→|->|from|to|(?:was|were)\\s+\\d+)\\b|→|->",
          Pattern.CASE_INSENSITIVE);

  /**
   * What follows "`X` failed on beta 1" when the test passes now: "and passes now", "but is green
   * now", ", fixed now". The test is then fixed (failed in the baseline, passes in the latest), not
   * failing.
   */
  private static final Pattern PASSES_NOW =
      Pattern.compile(
          "^[^.;]{0,60}?(?:,\\s*|\\s+(?:and|but)\\s+)(?:it\\s+)?(?:(?:is|now)\\s+)*"
              + "(?:pass(?:es|ing)|green|fixed)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "8 of 9 passing, same as before", "9 passing, unchanged", "7 of 7 both nights": of now as much
   * as of then, so a baseline that bears it out does not make up for the latest run.
   */
  private static final Pattern NOW_AS_THEN =
      Pattern.compile(
          "\\b(?:(?:the\\s+)?same\\s+as\\s+(?:before|then|on\\s+`?(?:main|master)`?|last\\s+\\w+)"
              + "|as\\s+before|unchanged|in\\s+both\\s+runs|both\\s+(?:runs|nights|days|builds|times))\\b",
          Pattern.CASE_INSENSITIVE);

  private EarlierRun() {}

  /**
   * The expectation of "`X` failed ..." given the rest of its sentence: FIXED when it goes on to
   * say the test passes now ("failed on beta 1 and passes now"), else as read.
   */
  static Expectation named(Expectation read, String verb, String rest) {
    boolean past = verb.toLowerCase(java.util.Locale.ROOT).matches("failed|errored");
    return read == Expectation.FAIL && past && PASSES_NOW.matcher(rest).find()
        ? Expectation.FIXED
        : read;
  }

  /** Whether a claim speaks of the run before only. */
  static boolean speaksOf(Claim c) {
    if (WasFailing.already(c)) {
      return true; // "`X` was already failing on main (since build 77002)"
    }
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
        || !(c.temporal() || MAYBE_THEN.matcher(c.text()).find())
        || NOW_AS_THEN.matcher(c.text()).find()) {
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
