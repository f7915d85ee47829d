package dev.evident.verify;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "All 3 tests that were red on Monday are green now", "the 2 specs which failed before pass now":
 * a count of the tests that failed earlier, not of the run, and a statement of what they do now.
 * Checked against the baseline's failed and errored tests: when the count is theirs, the claim is
 * SUPPORTED if they all pass (or pass on a rerun) in the latest run and CONTRADICTED if some do
 * not; when it is not (the earlier point may be another run), UNVERIFIABLE. Never a total.
 */
final class FormerFailures {

  private static final Pattern FORMER =
      Pattern.compile(
          "(?<![\\w.,/-])(?<n>\\d+)\\s+(?:[\\w-]+\\s+)?(?:tests?|specs?|test\\s+cases|cases)\\s+"
              + "(?:that|which)\\s+(?:were\\s+|was\\s+|had\\s+been\\s+|used\\s+to\\s+be\\s+)?"
              + "(?:failing|failed|red|broken)\\b(?<when>[^.;:]{0,40}?)\\s+"
              + "(?:(?:are|is|now|all)\\s+){0,3}"
              + "(?:green|pass|passes|passing|fixed)\\b",
          Pattern.CASE_INSENSITIVE);

  private FormerFailures() {}

  /** Whether a sentence counts the tests that failed earlier and says they pass now. */
  static boolean speaksOf(Claim c) {
    Matcher m = FORMER.matcher(c.text());
    if (!m.find()) {
      return false;
    }
    double n = Double.parseDouble(m.group("n"));
    return c.kind() != ClaimKind.CHANGE
        && (c.stated().isEmpty() || c.stated().stream().anyMatch(q -> q.value() == n));
  }

  /** The verdict on such a claim, or null when it is not one. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    if (!speaksOf(c) || evidence.runs().isEmpty()) {
      return null;
    }
    Matcher m = FORMER.matcher(c.text());
    m.find();
    int n = Integer.parseInt(m.group("n"));
    RunEvidence latest = evidence.latest();
    RunEvidence before = evidence.baseline();
    if (before == null) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          Map.of(),
          "counts tests that failed earlier, and there is no earlier run to tell which",
          List.of(latest.run().id()));
    }
    Map<TestId, Outcome> now = new HashMap<>();
    latest.tests().forEach(t -> now.put(t.id(), t.outcome()));
    Map<TestId, Outcome> failed = new LinkedHashMap<>();
    for (TestEvidence t : before.tests()) {
      if (t.outcome() == Outcome.FAILED || t.outcome() == Outcome.ERRORED) {
        failed.put(t.id(), now.get(t.id()));
      }
    }
    List<Long> runs = List.of(latest.run().id(), before.run().id());
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("failing before", failed.size());
    long passing =
        failed.values().stream().filter(o -> o == Outcome.PASSED || o == Outcome.FLAKY).count();
    actual.put("of them passing now", passing);
    String where =
        "baseline run %d has %d failed or errored tests; %d of them pass in run %d"
            .formatted(before.run().id(), failed.size(), passing, latest.run().id());
    if (failed.size() != n) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          actual,
          "counts %d tests that failed earlier, not a total of the run; %s, so the %d may be of another earlier point"
              .formatted(n, where, n),
          runs);
    }
    return new EvidenceCheck.Result(
        passing == n ? Verdict.SUPPORTED : Verdict.CONTRADICTED,
        actual,
        "counts the tests that failed earlier, not a total of the run: " + where,
        runs);
  }
}
