package dev.evident.verify;

import java.util.List;
import java.util.Map;

/**
 * A change of rate whose "now" side the evidence contradicts while another line of the report
 * states that rate of the same run as the evidence has it ("Overall 34/36 passing (94.4%)", then
 * "Pass rate went from 90.9% to 95.1%"): the report disagrees with itself, and the change is
 * INCONSISTENT, naming the other line. Rates only: a change of counts the evidence contradicts
 * stays CONTRADICTED ({@link OtherLineHolds}). Like it, this only turns CONTRADICTED into
 * INCONSISTENT.
 */
final class OtherRateHolds {

  private OtherRateHolds() {}

  /** Why a contradicted change of rate is INCONSISTENT with another line, or null. */
  static String why(Claim c, Map<String, Object> actual, List<Claim> claims) {
    if (c.kind() != ClaimKind.CHANGE) {
      return null;
    }
    for (Quantity q : c.stated()) {
      if (q.bound() != Bound.EXACT
          || !q.measure().isRate()
          || !(actual.get(q.key()) instanceof Number n)
          || Compare.agrees(q, n.doubleValue())) {
        continue;
      }
      for (Claim other : claims) {
        if (other.line() == c.line()
            || !CrossLines.sameRun(c, other)
            || !Names.normalize(other.subject()).equals(Names.normalize(c.subject()))) {
          continue;
        }
        Quantity o = other.quantity(q.measure());
        if (o != null && o.bound() == Bound.EXACT && Compare.agrees(o, n.doubleValue())) {
          return "line %d states %s %s, which the evidence bears out; this says %s"
              .formatted(other.line(), o.display(), q.key(), q.display());
        }
      }
    }
    return null;
  }
}
