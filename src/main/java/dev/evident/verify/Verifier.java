package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Markdown status report claim by claim: first against itself ({@link Consistency}), then
 * against the evidence ({@link EvidenceCheck}). A claim whose own arithmetic is wrong is
 * INCONSISTENT whatever the evidence says. Two claims that disagree with each other are
 * INCONSISTENT, except the one the evidence bears out: it is SUPPORTED, its reason naming the other
 * line. A claim the latest run contradicts gets the {@link SecondReadings} first. Stateless apart
 * from its resolvers; thread safe.
 */
public final class Verifier {

  private final List<SubjectResolver> resolvers;

  /** A verifier with the standard resolvers and {@code categories} last. */
  public Verifier(SubjectResolver categories) {
    this.resolvers = SubjectResolver.standard(categories);
  }

  /**
   * Verifies a report.
   *
   * @param name the report as messages name it
   * @param markdown its text
   * @param evidence the runs to check against
   * @param includeQuoted whether claims in code blocks and block quotes count
   */
  public Verification verify(
      String name, String markdown, Evidence evidence, boolean includeQuoted) {
    ClaimExtractor.Extracted extracted = ClaimExtractor.extract(markdown, includeQuoted);
    Map<Claim, String> own = new IdentityHashMap<>(extracted.inconsistent());
    for (Claim c : extracted.claims()) {
      String why = Consistency.own(c);
      why = why == null ? StatedFraction.own(c) : why;
      why = why == null ? StatedDifference.own(c) : why;
      if (why != null) {
        own.putIfAbsent(c, why);
      }
    }
    EvidenceCheck check = new EvidenceCheck(evidence, resolvers);
    // A changelog's sections are of their own releases: only the latest's lines are compared.
    ReleaseSections releases = ReleaseSections.of(markdown);
    Map<Claim, String> inconsistent =
        Consistency.check(
            extracted.claims().stream().filter(c -> releases.age(c.line()) == 0).toList(),
            check::wholeRun);
    EvidenceCheck earlier =
        evidence.baseline() == null
            ? null
            : new EvidenceCheck(new Evidence(List.of(evidence.baseline()), null), resolvers);
    Long baseline = evidence.baseline() == null ? null : evidence.baseline().run().id();
    Evidence leafEvidence = LeafTests.of(evidence);
    EvidenceCheck leaves = leafEvidence == null ? null : new EvidenceCheck(leafEvidence, resolvers);
    // Claims with a reading of their own, checked whole before the general check: each answers
    // null for a claim that is not of its shape.
    List<java.util.function.Function<Claim, EvidenceCheck.Result>> ownReadings =
        List.of(
            c -> FormerFailures.check(c, evidence),
            c -> EveryPartGains.check(c, evidence),
            c -> OutsidePart.check(c, evidence, check),
            c -> WereFailures.check(c, evidence),
            c -> StatedGains.check(c, evidence),
            c -> FixCounts.check(c, evidence),
            c -> AddedNames.check(c, evidence));
    List<CheckedClaim> checked = new ArrayList<>();
    for (Claim c : extracted.claims()) {
      EvidenceCheck.Result read =
          ownReadings.stream()
              .map(reading -> reading.apply(c))
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(null);
      if (read == null && releases.age(c.line()) > 0) {
        read = ofEarlierRelease(c, releases, evidence, earlier);
      }
      if (read != null) {
        checked.add(new CheckedClaim(c, read.verdict(), read.actual(), read.reason(), read.runs()));
        continue;
      }
      EvidenceCheck.Result r =
          (EarlierRun.speaksOf(c) || RunNames.baseline(c.subject()) || BaselineTables.earlier(c))
                  && !evidence.runs().isEmpty()
              ? EarlierRun.check(c, evidence, earlier)
              : check.check(c);
      r =
          SecondReadings.of(
              c, EarlierRun.perhaps(c, r, evidence, earlier), evidence, earlier, check);
      EvidenceCheck.Result leaf = LeafTests.reread(c, r, leaves, leafEvidence);
      r = leaf == null ? r : leaf;
      r = DescribedGroup.reread(c, r, evidence, check);
      r = InARow.of(c, r, earlier);
      r = EarlierFigures.of(c, r, check, earlier, baseline);
      String why = own.containsKey(c) ? own.get(c) : inconsistent.get(c);
      if (why == null && r.verdict() == Verdict.CONTRADICTED) {
        EvidenceCheck.Result asLeaves =
            leaves == null || !LeafTests.counts(c) ? null : leaves.check(c);
        why =
            OtherLineHolds.why(
                c,
                OtherLineHolds.actuals(r, asLeaves),
                extracted.claims(),
                own::containsKey,
                x -> OtherLineHolds.tests(check.scope(x)));
        why = why == null ? StatedRegressions.why(c, r.actual(), extracted.claims()) : why;
        why = why == null ? OtherRateHolds.why(c, r.actual(), extracted.claims()) : why;
      }
      // Two statements of one quantity that differ: only the one the evidence bears out escapes
      // the disagreement. A claim that all pass beside a count of failures stays with the evidence.
      boolean borneOut =
          r.verdict() == Verdict.SUPPORTED
              || why != null
                  && r.verdict() == Verdict.CONTRADICTED
                  && (!why.contains("; this says ") || ownSideHolds(c, why, check));
      if (why != null && (own.containsKey(c) || !borneOut)) {
        checked.add(new CheckedClaim(c, Verdict.INCONSISTENT, r.actual(), why, List.of()));
      } else if (why != null) {
        String reason = r.reason() + " (the report disagrees with itself: " + why + ")";
        checked.add(new CheckedClaim(c, r.verdict(), r.actual(), reason, r.runs()));
      } else {
        checked.add(new CheckedClaim(c, r.verdict(), r.actual(), r.reason(), r.runs()));
      }
    }
    if (CheckNouns.readsChecks(markdown)) {
      // checked as tests, quoted as the report wrote them: checks
      checked.replaceAll(
          x ->
              new CheckedClaim(
                  CheckNouns.asWritten(x.claim()), x.verdict(), x.actual(), x.reason(), x.runs()));
    }
    return new Verification(name, evidence.runIds(), baseline, checked);
  }

  /**
   * Whether the evidence bears out this claim's side of a disagreement with another line ("line 17
   * says 30 tests; this says 31"), though it contradicts another of its numbers: then the claim is
   * wrong on its own, CONTRADICTED, and the other line is the INCONSISTENT one.
   */
  private static boolean ownSideHolds(Claim c, String why, EvidenceCheck check) {
    for (Quantity q : c.stated()) {
      if (why.endsWith(" " + q.key() + "; this says " + Compare.format(q.value()))) {
        // alone, a total of tests may count the collected ones too: either reading will do
        List<Quantity> readings =
            q.measure() == Measure.TESTS
                ? List.of(
                    q,
                    new Quantity(Measure.COLLECTED, q.value(), q.bound(), q.decimals(), q.label()))
                : List.of(q);
        for (Quantity alone : readings) {
          Claim side =
              new Claim(
                  c.line(),
                  c.text(),
                  c.kind(),
                  c.subject(),
                  List.of(alone),
                  c.before(),
                  null,
                  c.factor(),
                  c.temporal(),
                  c.implied());
          if (check.check(side).verdict() == Verdict.SUPPORTED) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A claim in the section of an earlier release: the release right before the latest is the
   * baseline, and a claim of it is checked there; a change from a release before that, or a claim
   * of an older release, speaks of a run that is not checked.
   */
  private static EvidenceCheck.Result ofEarlierRelease(
      Claim c, ReleaseSections releases, Evidence evidence, EvidenceCheck earlier) {
    String release = releases.release(c.line());
    if (releases.age(c.line()) == 1 && c.before().isEmpty() && c.factor() == null) {
      EvidenceCheck.Result r = EarlierRun.check(c, evidence, earlier);
      return new EvidenceCheck.Result(
          r.verdict(),
          r.actual(),
          "in the section of %s, read as the baseline run: %s".formatted(release, r.reason()),
          r.runs());
    }
    return new EvidenceCheck.Result(
        Verdict.UNVERIFIABLE,
        Map.of(),
        releases.age(c.line()) == 1
            ? "a change that ends at %s, read as the baseline run, and starts at a run before it, which is not checked"
                .formatted(release)
            : "about %s, older than the runs checked".formatted(release),
        evidence.runIds());
  }
}
