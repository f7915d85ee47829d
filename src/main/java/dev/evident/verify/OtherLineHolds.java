package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A number the evidence contradicts while another line of the report states the same quantity of
 * the same subject with the number the evidence has ("37 of 39 pass" in prose, a Total row of 38):
 * the report disagrees with itself, and the wrong line is INCONSISTENT, naming the other, as when
 * {@link CrossLines} pairs them. It catches the pairs its stricter keys leave apart (a table row
 * against a sentence, a Total row against prose) only when the evidence settles which line is
 * right, so it never makes a claim CONTRADICTED: it only turns CONTRADICTED into INCONSISTENT. The
 * other line is a plain statement of the quantity now: not one side of a change (nor a table row
 * with an earlier column), not a line whose own arithmetic is wrong. A change the evidence
 * contradicts stays CONTRADICTED, and so does a row of a table with a column per run: reports
 * differ on whether its "now" side disagreeing with another line is the report's fault or the
 * change's.
 */
final class OtherLineHolds {

  private OtherLineHolds() {}

  /**
   * Why a claim the evidence contradicts is INCONSISTENT with another line, or null.
   *
   * @param c the claim
   * @param actuals the actual values of the claim's readings (every test, then leaf tests only)
   * @param claims every claim of the report
   * @param wrongAlone the claims whose own arithmetic is wrong: never the line that holds
   * @param scopeOf the tests a claim's subject resolves to in the evidence, or null
   */
  static String why(
      Claim c,
      List<Map<String, Object>> actuals,
      List<Claim> claims,
      java.util.function.Predicate<Claim> wrongAlone,
      java.util.function.Function<Claim, ?> scopeOf) {
    if (c.temporal()
        || c.kind() == ClaimKind.CHANGE
        || !c.before().isEmpty()
        || c.kind() == ClaimKind.TABLE && numberCells(c.text()) > c.stated().size()) {
      return null; // "| skipped | 0 | 1 |": a row of a table with a column per run
    }
    String subject = subject(c);
    for (Quantity q : c.stated()) {
      if (q.bound() != Bound.EXACT || q.measure().isRate() || q.measure() == Measure.OTHER) {
        continue;
      }
      for (Map<String, Object> actual : actuals) {
        if (!(actual.get(q.key()) instanceof Number n) || n.doubleValue() == q.value()) {
          continue;
        }
        for (Claim other : claims) {
          if (other.line() == c.line()
              || other.temporal()
              || !CrossLines.sameRun(c, other)
              || !other.before().isEmpty()
              || wrongAlone.test(other)
              || !sameSubject(c, subject, other, scopeOf)) {
            continue;
          }
          Quantity o = other.quantity(q.measure());
          if (o != null && o.bound() == Bound.EXACT && o.value() == n.doubleValue()) {
            return "line %d states %s %s, which the evidence bears out; this says %s"
                .formatted(other.line(), o.display(), q.key(), q.display());
          }
        }
      }
    }
    return null;
  }

  /** The tests of a claim's scope, or null when it has none. */
  static java.util.Set<dev.evident.model.TestId> tests(Scope s) {
    return s == null || s.tests().isEmpty()
        ? null
        : s.tests().stream().map(TestEvidence::id).collect(java.util.stream.Collectors.toSet());
  }

  /** The actual values of a result and of its leaf reading, when there is one. */
  static List<Map<String, Object>> actuals(EvidenceCheck.Result r, EvidenceCheck.Result leaf) {
    List<Map<String, Object>> all = new ArrayList<>();
    all.add(r.actual());
    if (leaf != null) {
      all.add(leaf.actual());
    }
    return all;
  }

  /** The same subject by name, or by the part of the run both resolve to ("Parse", "parse.tap"). */
  private static boolean sameSubject(
      Claim c, String subject, Claim other, java.util.function.Function<Claim, ?> scopeOf) {
    if (subject(other).equals(subject)) {
      return true;
    }
    if (c.subject().isEmpty() || other.subject().isEmpty()) {
      return false;
    }
    Object scope = scopeOf.apply(c);
    return scope != null && scope.equals(scopeOf.apply(other));
  }

  private static final java.util.regex.Pattern NUMBER_CELL =
      java.util.regex.Pattern.compile("^[*_\\s]*\\d+[*_\\s]*$");

  /** How many cells of a table row hold a plain number. */
  private static long numberCells(String row) {
    return java.util.Arrays.stream(row.split("\\|"))
        .filter(cell -> NUMBER_CELL.matcher(cell).matches())
        .count();
  }

  private static String subject(Claim c) {
    return String.join(" ", Names.normalize(c.subject()));
  }
}
