package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Markdown status report claim by claim: first against itself ({@link Consistency}), then
 * against the evidence ({@link EvidenceCheck}). A claim whose own arithmetic is wrong is
 * INCONSISTENT whatever the evidence says. Two claims that disagree with each other are
 * INCONSISTENT unless the evidence decides between them: then the one the evidence bears out is
 * SUPPORTED and the other CONTRADICTED, its reason naming the other line. Stateless apart from its
 * resolvers; thread safe.
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
      if (why != null) {
        own.putIfAbsent(c, why);
      }
    }
    Map<Claim, String> inconsistent = Consistency.check(extracted.claims());
    EvidenceCheck check = new EvidenceCheck(evidence, resolvers);
    EvidenceCheck earlier =
        evidence.baseline() == null
            ? null
            : new EvidenceCheck(new Evidence(List.of(evidence.baseline()), null), resolvers);
    List<CheckedClaim> checked = new ArrayList<>();
    for (Claim c : extracted.claims()) {
      EvidenceCheck.Result r =
          EarlierRun.speaksOf(c) && !evidence.runs().isEmpty()
              ? EarlierRun.check(c, evidence, earlier)
              : check.check(c);
      String why = own.containsKey(c) ? own.get(c) : inconsistent.get(c);
      boolean decided = r.verdict() == Verdict.SUPPORTED || r.verdict() == Verdict.CONTRADICTED;
      if (why != null && (own.containsKey(c) || !decided)) {
        checked.add(new CheckedClaim(c, Verdict.INCONSISTENT, r.actual(), why, List.of()));
      } else if (why != null) {
        String reason = r.reason() + " (the report disagrees with itself: " + why + ")";
        checked.add(new CheckedClaim(c, r.verdict(), r.actual(), reason, r.runs()));
      } else {
        checked.add(new CheckedClaim(c, r.verdict(), r.actual(), r.reason(), r.runs()));
      }
    }
    Long baseline = evidence.baseline() == null ? null : evidence.baseline().run().id();
    return new Verification(name, evidence.runIds(), baseline, checked);
  }
}
