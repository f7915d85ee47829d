package dev.evident.verify;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "`a` and `b` were the 2 failures in `X`; both pass now": named tests counted as the failures of
 * the run before, then said to pass now. The count is the baseline's, never the latest run's:
 * SUPPORTED when every named test failed or errored in the baseline and passes in the latest,
 * CONTRADICTED when both runs hold a named test and one of them says otherwise, else UNVERIFIABLE.
 */
final class WereFailures {

  private static final Pattern WERE =
      Pattern.compile(
          "^\\W*(?<names>`[^`]+`(?:\\s*(?:,|and|&|,\\s*and)\\s*`[^`]+`)*)\\s+(?:were|was)\\s+the\\s+"
              + "(?:(?<n>\\d+|two|three|four)\\s+|only\\s+)?(?:failures|failing\\s+tests"
              + "|failed\\s+tests|errors|broken\\s+tests|red\\s+tests)\\b[^.;]{0,60}?[;,]\\s*"
              + "(?:and\\s+)?(?:both|all|they|each|all\\s+of\\s+them)\\s+(?:(?:now|are)\\s+)*"
              + "(?:pass|passes|passing|green|fixed)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NAME = Pattern.compile("`([^`]+)`");

  private WereFailures() {}

  /** The claim checked as the baseline's failures that pass now, or null if it is not one. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    Matcher m = WERE.matcher(c.text());
    if (!m.find() || evidence.runs().isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Matcher n = NAME.matcher(m.group("names"));
    while (n.find()) {
      names.add(n.group(1).strip());
    }
    List<Long> runs = evidence.runIds();
    if (evidence.baseline() == null) {
      return result(Verdict.UNVERIFIABLE, "no baseline run to check the earlier failures", runs);
    }
    if (m.group("n") != null && CountPhrases.value(m.group("n")) != names.size()) {
      return result(
          Verdict.UNVERIFIABLE,
          "counts %s failures but names %d tests".formatted(m.group("n"), names.size()),
          runs);
    }
    boolean unknown = false;
    for (String name : names) {
      Outcome then = outcome(evidence.baseline(), name);
      Outcome now = null;
      for (RunEvidence r : evidence.runs()) {
        now = now == null ? outcome(r, name) : now;
      }
      if (then == null || now == null) {
        unknown = true;
        continue;
      }
      boolean failed = then == Outcome.FAILED || then == Outcome.ERRORED;
      boolean passes = now == Outcome.PASSED || now == Outcome.FLAKY;
      if (!failed || !passes) {
        return result(
            Verdict.CONTRADICTED,
            "%s was %s in baseline run %d and is %s now"
                .formatted(name, word(then), evidence.baseline().run().id(), word(now)),
            runs);
      }
    }
    return unknown
        ? result(Verdict.UNVERIFIABLE, "a named test is in neither run or one run only", runs)
        : result(
            Verdict.SUPPORTED,
            "each named test failed or errored in baseline run %d and passes now"
                .formatted(evidence.baseline().run().id()),
            runs);
  }

  private static EvidenceCheck.Result result(Verdict v, String reason, List<Long> runs) {
    return new EvidenceCheck.Result(v, Map.of(), reason, runs);
  }

  private static String word(Outcome o) {
    return o.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The outcome of the one test of a run by that name, or null when none or several are. */
  private static Outcome outcome(RunEvidence run, String name) {
    Outcome found = null;
    int seen = 0;
    for (TestEvidence t : run.tests()) {
      String full = t.id().name();
      if (full.equals(name)
          || full.endsWith("." + name)
          || full.endsWith(" > " + name)
          || (t.id().suite() + "." + full).endsWith("." + name)) {
        found = t.outcome();
        seen++;
      }
    }
    return seen == 1 ? found : null;
  }
}
