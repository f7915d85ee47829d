package dev.evident.verify;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "The fine-tune wins on every package", "it beats ckpt 1200 on each task set": the latest run
 * passes more tests than the baseline in every suite (a package of an evaluation) the two share.
 * SUPPORTED when it does, CONTRADICTED by a suite that passes no more than before, UNVERIFIABLE
 * without a baseline or a shared suite. The winner is taken to be the latest run; a sentence whose
 * winner is the baseline by its role ("the base model wins ...") is left alone.
 */
final class EveryPartGains {

  private static final Pattern GAINS =
      Pattern.compile(
          "(?i)(?<!\\S)(?<who>[\\w.-]+)?\\s*(?:wins|beats\\s+[\\w .-]{1,40}?|improves"
              + "|(?:solves|passes)\\s+more(?:\\s+\\w+)?)\\s+(?:on|in|across)\\s+(?:every|each|all)"
              + "(?:\\s+(?:of\\s+the\\s+)?[\\w-]+)?\\s+(?:packages?|suites?|task\\s+sets?|benchmarks?)\\b");

  private static final Pattern BASELINE =
      Pattern.compile("(?i)\\b(?:base|baseline|before|old|previous)\\b");

  private EveryPartGains() {}

  /** The claim of a sentence that says the latest run wins on every suite, or null. */
  static Claim read(int line, String s, boolean temporal) {
    java.util.regex.Matcher m = GAINS.matcher(s);
    if (temporal
        || !m.find()
        || BASELINE.matcher(s.substring(0, m.start("who") < 0 ? m.start() : m.end("who"))).find()) {
      return null;
    }
    return new Claim(
        line, s.strip(), ClaimKind.UNIVERSAL, "", List.of(), List.of(), null, null, false);
  }

  /** Whether a claim is one of these. */
  static boolean speaksOf(Claim c) {
    return c.kind() == ClaimKind.UNIVERSAL
        && c.expectation() == null
        && c.stated().isEmpty()
        && GAINS.matcher(c.text()).find();
  }

  /** The verdict on such a claim, or null when it is not one. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    if (!speaksOf(c) || evidence.runs().isEmpty()) {
      return null;
    }
    RunEvidence latest = evidence.latest();
    RunEvidence before = evidence.baseline();
    if (before == null) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          Map.of(),
          "compares the run with an earlier one, and there is no earlier run",
          List.of(latest.run().id()));
    }
    Map<String, Long> now = passing(latest);
    Map<String, Long> then = passing(before);
    Map<String, Object> actual = new LinkedHashMap<>();
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, Long> e : now.entrySet()) {
      Long was = then.get(e.getKey());
      if (was != null) {
        actual.put(e.getKey(), was + " -> " + e.getValue() + " passed");
        if (e.getValue() <= was) {
          lost.add(e.getKey() + " (" + was + " -> " + e.getValue() + " passed)");
        }
      }
    }
    List<Long> runs = List.of(latest.run().id(), before.run().id());
    if (actual.isEmpty()) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE, Map.of(), "the two runs share no suite to compare", runs);
    }
    String where =
        "passed per suite, baseline run %d -> run %d: %s"
            .formatted(before.run().id(), latest.run().id(), actual);
    return lost.isEmpty()
        ? new EvidenceCheck.Result(Verdict.SUPPORTED, actual, where, runs)
        : new EvidenceCheck.Result(
            Verdict.CONTRADICTED,
            actual,
            "no gain in " + String.join(", ", lost) + "; " + where,
            runs);
  }

  private static Map<String, Long> passing(RunEvidence run) {
    Map<String, Long> bySuite = new LinkedHashMap<>();
    for (TestEvidence t : run.tests()) {
      boolean passed = t.outcome() == Outcome.PASSED || t.outcome() == Outcome.FLAKY;
      bySuite.merge(t.id().suite(), passed ? 1L : 0L, Long::sum);
    }
    return bySuite;
  }
}
