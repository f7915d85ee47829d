package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a Markdown status report claim by claim: first against itself ({@link Consistency}), then
 * against the evidence ({@link EvidenceCheck}). An inconsistency wins over what the evidence says:
 * a report that disagrees with itself cannot be right twice. Stateless apart from its resolvers;
 * thread safe.
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
    Map<Claim, String> inconsistent = Consistency.check(extracted.claims());
    extracted.inconsistent().forEach(inconsistent::putIfAbsent);
    EvidenceCheck check = new EvidenceCheck(evidence, resolvers);
    List<CheckedClaim> checked = new ArrayList<>();
    for (Claim c : extracted.claims()) {
      EvidenceCheck.Result r = check.check(c);
      String why = inconsistent.get(c);
      if (why != null) {
        checked.add(new CheckedClaim(c, Verdict.INCONSISTENT, r.actual(), why, List.of()));
      } else {
        checked.add(new CheckedClaim(c, r.verdict(), r.actual(), r.reason(), r.runs()));
      }
    }
    return new Verification(name, evidence.runIds(), checked);
  }
}
