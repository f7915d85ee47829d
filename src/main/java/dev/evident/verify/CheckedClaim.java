package dev.evident.verify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A claim with its verdict.
 *
 * @param claim the claim
 * @param verdict the verdict
 * @param actual the actual values the evidence gives, by the stated values' keys; empty when
 *     nothing was checked
 * @param reason why: the disagreement, the other claim, or what the evidence is
 * @param runs the runs the verdict used (empty for an internal inconsistency)
 */
public record CheckedClaim(
    Claim claim, Verdict verdict, Map<String, Object> actual, String reason, List<Long> runs) {

  public CheckedClaim {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(verdict, "verdict");
    actual = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actual));
    Objects.requireNonNull(reason, "reason");
    runs = List.copyOf(runs);
  }

  /** The stated values as JSON: by measure, a change's "from"/"to"/"factor", an expectation. */
  public Map<String, Object> stated() {
    Map<String, Object> s = new java.util.LinkedHashMap<>();
    if (claim.kind() == ClaimKind.CHANGE) {
      if (!claim.before().isEmpty()) {
        s.put("from", values(claim.before()));
      }
      if (!claim.stated().isEmpty()) {
        s.put("to", values(claim.stated()));
      }
      if (claim.factor() != null) {
        s.put("factor", Double.isInfinite(claim.factor()) ? "∞" : claim.factor());
      }
      return s;
    }
    s.putAll(values(claim.stated()));
    if (claim.expectation() != null) {
      s.put(
          "expect",
          claim.expectation().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    return s;
  }

  private static Map<String, Object> values(List<Quantity> quantities) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    for (Quantity q : quantities) {
      v.putIfAbsent(q.key(), q.jsonValue());
    }
    return v;
  }
}
