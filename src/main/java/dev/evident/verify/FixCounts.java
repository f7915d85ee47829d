package dev.evident.verify;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count of the whole run's fixes and regressions: "3 fixes, 1 regression", "2 fixed (`a`, `b`), 2
 * regressions". A fix is a test that failed or errored in the baseline run and passes in the
 * latest, a regression one that passed then and fails or errors now: SUPPORTED when the runs have
 * as many, CONTRADICTED when they do not, UNVERIFIABLE without a baseline. A count placed in a part
 * of the run ("2 regressions in billing") is not read here: it is not the whole run's.
 */
final class FixCounts {

  /** The label of the count of fixes. */
  static final String FIXES = "fixes";

  /** The label of the count of regressions. */
  static final String REGRESSIONS = "regressions";

  /**
   * What may follow a count of fixes: "4 fixes (a, b)", "2 fixed, 1 regression", "3 fixes since".
   */
  private static final String ENDS =
      "(?=\\s*(?:[(,;:.!]|$|(?:and|since|this|overall|so\\s+far|in\\s+total)\\b))";

  /** "4 fixes", "2 fixed": a time of day ("12:42 fix") or a verb ("3 fixes the") is none. */
  private static final Pattern FIX =
      Pattern.compile("(?i)(?<![\\w.,/+:-])(\\d+)\\s+(?:fix(?:es)?|fixed)\\b" + ENDS);

  private static final Pattern REGRESSION =
      Pattern.compile(
          "(?i)(?<![\\w.,/+:-])(\\d+)\\s+(?:new\\s+)?regressions?\\b"
              + "(?!\\s+(?:in|under|within|for)\\s)");

  private FixCounts() {}

  /** The claim of a sentence that counts fixes and regressions, or null. */
  static Claim read(int line, String s, boolean temporal) {
    List<Quantity> stated = new ArrayList<>();
    Matcher fix = FIX.matcher(s);
    if (fix.find() && !Plans.isPlanned(s, fix.start(), fix.end())) {
      stated.add(count(fix.group(1), FIXES));
    }
    Matcher regression = REGRESSION.matcher(s);
    if (regression.find() && !Plans.isPlanned(s, regression.start(), regression.end())) {
      stated.add(count(regression.group(1), REGRESSIONS));
    }
    if (stated.isEmpty()) {
      return null;
    }
    return new Claim(
        line, s.strip(), ClaimKind.CHANGE, "", stated, List.of(), null, null, temporal);
  }

  private static Quantity count(String n, String label) {
    return new Quantity(Measure.OTHER, Double.parseDouble(n), Bound.EXACT, 0, label);
  }

  /** The claim checked against the two runs, or null when it counts no fixes nor regressions. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    if (!c.subject().isEmpty()
        || c.stated().isEmpty()
        || !c.stated().stream()
            .allMatch(q -> FIXES.equals(q.label()) || REGRESSIONS.equals(q.label()))) {
      return null;
    }
    if (evidence.baseline() == null || evidence.runs().isEmpty()) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          Map.of(),
          "fixes and regressions are differences between runs, and there is no baseline run",
          evidence.runIds());
    }
    Map<TestId, Outcome> then = new HashMap<>();
    evidence.baseline().tests().forEach(t -> then.put(t.id(), t.outcome()));
    int fixes = 0;
    int regressions = 0;
    for (TestEvidence t : evidence.latest().tests()) {
      Outcome before = then.get(t.id());
      if (before == null) {
        continue; // a new test is neither
      }
      boolean passedThen = before == Outcome.PASSED || before == Outcome.FLAKY;
      boolean passesNow = t.outcome() == Outcome.PASSED || t.outcome() == Outcome.FLAKY;
      fixes += before.broken() && passesNow ? 1 : 0;
      regressions += passedThen && t.outcome().broken() ? 1 : 0;
    }
    Map<String, Object> actual = Map.of(FIXES, fixes, REGRESSIONS, regressions);
    List<String> wrong = new ArrayList<>();
    for (Quantity q : c.stated()) {
      int n = FIXES.equals(q.label()) ? fixes : regressions;
      if (q.value() != n) {
        wrong.add("stated %s %s, actual %d".formatted(q.display(), q.label(), n));
      }
    }
    List<Long> runs = List.of(evidence.baseline().run().id(), evidence.latest().run().id());
    String found =
        "%d failed or errored in baseline run %d and pass now, %d passed then and fail now"
            .formatted(fixes, evidence.baseline().run().id(), regressions);
    return wrong.isEmpty()
        ? new EvidenceCheck.Result(Verdict.SUPPORTED, actual, found, runs)
        : new EvidenceCheck.Result(
            Verdict.CONTRADICTED, actual, String.join("; ", wrong) + " (" + found + ")", runs);
  }
}
