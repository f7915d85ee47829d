package dev.evident.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs of named tests and a report's claims checked against them, for the verify tests. */
final class VerifyFixtures {

  private VerifyFixtures() {}

  static RunEvidence run(long id, TestEvidence... tests) {
    Counts counts = Counts.ZERO;
    for (TestEvidence t : tests) {
      counts = counts.plus(t.outcome(), 1);
    }
    Run run =
        new Run(
            id,
            "shop",
            "ingest",
            Instant.EPOCH,
            null,
            null,
            RunStatus.of(counts, 0),
            "",
            null,
            Map.of(),
            Map.of(),
            counts,
            0,
            0);
    return new RunEvidence(run, List.of(tests), List.of());
  }

  static TestEvidence test(String suite, String name, Outcome outcome, String file) {
    return new TestEvidence(new TestId(suite, name), outcome, file, List.of());
  }

  /** A suite of tests {@code NAME_0}, {@code NAME_1}... in tests/NAME.py, with these outcomes. */
  static TestEvidence[] suite(String name, Outcome... outcomes) {
    TestEvidence[] tests = new TestEvidence[outcomes.length];
    for (int i = 0; i < outcomes.length; i++) {
      tests[i] = test(name, name + "_" + i, outcomes[i], "tests/" + name + ".py");
    }
    return tests;
  }

  /** A suite whose first tests passed, then failed, then errored. */
  static TestEvidence[] suite(String name, int passed, int failed, int errored) {
    Outcome[] outcomes = new Outcome[passed + failed + errored];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] =
          i < passed ? Outcome.PASSED : i < passed + failed ? Outcome.FAILED : Outcome.ERRORED;
    }
    return suite(name, outcomes);
  }

  static TestEvidence[] suite(String name, int passed, int failed) {
    return suite(name, passed, failed, 0);
  }

  /** The tests of several suites as one run's. */
  static TestEvidence[] all(TestEvidence[]... suites) {
    return java.util.Arrays.stream(suites)
        .flatMap(java.util.Arrays::stream)
        .toArray(TestEvidence[]::new);
  }

  /** The claims of a report checked against the evidence, with categories. */
  static List<CheckedClaim> check(String markdown, Evidence evidence, SubjectResolver categories) {
    return new Verifier(categories).verify("r.md", markdown, evidence, false).claims();
  }

  /** The verdict of each line of a report: the worst of its claims' (no categories). */
  static Map<Integer, Verdict> byLine(String markdown, Evidence evidence) {
    return check(markdown, evidence, SubjectResolver.NO_CATEGORIES).stream()
        .collect(
            java.util.stream.Collectors.toMap(
                c -> c.claim().line(),
                CheckedClaim::verdict,
                (a, b) -> a.compareTo(b) > 0 ? a : b));
  }

  /** The one claim of a report. */
  static CheckedClaim only(String markdown, Evidence evidence) {
    List<CheckedClaim> claims = check(markdown, evidence, SubjectResolver.NO_CATEGORIES);
    assertThat(claims).as(markdown).hasSize(1);
    return claims.get(0);
  }
}
