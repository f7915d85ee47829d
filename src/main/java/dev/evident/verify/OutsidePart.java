package dev.evident.verify;

import dev.evident.model.TestId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A universal claim that leaves a part of the run out by name: "No failures outside Checkout",
 * "everything beyond the `billing` package is green", "all green except in Search". It is checked
 * on the tests outside that part; when the part names nothing in the run, it is UNVERIFIABLE, never
 * CONTRADICTED by the part's own failures.
 */
final class OutsidePart {

  private static final Pattern OUTSIDE =
      Pattern.compile(
          "\\b(?:outside(?:\\s+of)?|beyond|except\\s+(?:in|for\\s+the)|apart\\s+from\\s+the)\\s+"
              + "(?:the\\s+)?(?<part>`[^`]+`|[A-Z][\\w.-]*(?:\\s+[A-Z][\\w.-]*)?)"
              + "(?:\\s+(?:tests?|suite|package|module|area|class|file))?\\s*[.;,)]?\\s*$");

  /** "all tests outside cart pass now": the part left out between the tests and their verb. */
  private static final Pattern ALL_OUTSIDE =
      Pattern.compile(
          "\\ball\\s+(?:the\\s+|other\\s+)?(?:tests?|specs?)\\s+(?:outside(?:\\s+of)?|beyond)\\s+"
              + "(?:the\\s+)?(?<part>`[^`]+`|[\\w.-]+)(?:\\s+(?:tests?|suite|package|module|area|file))?"
              + "\\s+(?:(?:are|now|all|still)\\s+)*(?:pass(?:es|ing)?|green)\\b",
          Pattern.CASE_INSENSITIVE);

  private OutsidePart() {}

  /** Adds the claim of "all tests outside X pass" to {@code all} where nothing else stands. */
  static void add(List<StatementParser.Found> all, String s) {
    Matcher m = ALL_OUTSIDE.matcher(s);
    while (m.find()) {
      if (!NamedTests.overlaps(all, m.start(), m.end())) {
        all.add(new StatementParser.Found(m.start(), m.end(), Expectation.PASS, "", false, null));
      }
    }
  }

  /** The claim checked on the tests outside the part it leaves out, or null if it leaves none. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence, EvidenceCheck check) {
    Expectation e = c.expectation();
    if (e != Expectation.PASS
            && e != Expectation.NO_FAILURES
            && e != Expectation.NO_SKIPS
            && e != Expectation.NO_FLAKY
        || c.kind() == ClaimKind.TABLE
        || c.kind() == ClaimKind.CHANGE
        || evidence.runs().isEmpty()) {
      return null;
    }
    Matcher m = OUTSIDE.matcher(c.text().strip());
    if (!m.find()) {
      m = ALL_OUTSIDE.matcher(c.text());
      if (!m.find()) {
        return null;
      }
    }
    String part = m.group("part").replace("`", "").strip();
    Scope left = check.scope(Results.about(c, part));
    List<Long> runs = evidence.runs().stream().map(r -> r.run().id()).toList();
    if (left == null || left.wholeRun()) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          java.util.Map.of(),
          "leaves out '%s', which names no part of the run".formatted(part),
          runs);
    }
    Set<TestId> out = new HashSet<>();
    left.tests().forEach(t -> out.add(t.id()));
    Scope whole = Scope.of(evidence.runs());
    List<TestEvidence> rest = whole.tests().stream().filter(t -> !out.contains(t.id())).toList();
    Scope outside =
        Scope.of(
            "the %d tests outside %s in run %s".formatted(rest.size(), part, Scope.join(runs)),
            rest,
            runs);
    return Results.combine(List.of(Expectations.check(c, outside)), outside, runs, null);
  }
}
