package dev.evident.verify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report checked claim by claim.
 *
 * @param report the report as the user named it
 * @param runs the runs in scope, then the baseline
 * @param baseline the baseline run of change claims, or null
 * @param claims every claim with its verdict, in report order
 */
public record Verification(
    String report, List<Long> runs, Long baseline, List<CheckedClaim> claims) {

  public Verification {
    Objects.requireNonNull(report, "report");
    runs = List.copyOf(runs);
    claims = List.copyOf(claims);
  }

  /** How many claims got each verdict (every verdict present, 0 when none). */
  public Map<Verdict, Integer> summary() {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    claims.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
    return counts;
  }

  /** Whether any claim is contradicted by the evidence or by the report itself. */
  public boolean hasFalseClaims() {
    return claims.stream()
        .anyMatch(c -> c.verdict() == Verdict.CONTRADICTED || c.verdict() == Verdict.INCONSISTENT);
  }
}
