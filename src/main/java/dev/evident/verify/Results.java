package dev.evident.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Verdicts made of the parts checked, and claims read again about another subject. */
final class Results {

  private Results() {}

  static EvidenceCheck.Result combine(
      List<EvidenceCheck.Part> parts, Scope scope, List<Long> runs, String note) {
    Map<String, Object> actual = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    int agreed = 0;
    for (EvidenceCheck.Part p : parts) {
      if (p.actual() instanceof Map<?, ?> values) {
        values.forEach((k, v) -> actual.put(String.valueOf(k), v));
      } else if (p.actual() != null) {
        actual.put(p.key(), p.actual());
      }
      if (p.agrees() == null) {
        unknown.add(p.text());
      } else if (p.agrees()) {
        agreed++;
      } else {
        wrong.add(p.text());
      }
    }
    String where = scope.description() + ": " + scope.summary();
    if (!wrong.isEmpty()) {
      return new EvidenceCheck.Result(
          Verdict.CONTRADICTED, actual, String.join("; ", wrong) + " (" + where + ")", runs);
    }
    if (agreed == 0) {
      return new EvidenceCheck.Result(
          Verdict.UNVERIFIABLE,
          actual,
          (unknown.isEmpty() ? "nothing to check" : String.join("; ", unknown))
              + " ("
              + where
              + ")",
          runs);
    }
    String reason =
        where + (unknown.isEmpty() ? "" : "; not checked: " + String.join("; ", unknown));
    return new EvidenceCheck.Result(Verdict.SUPPORTED, actual, reason, runs);
  }

  /** "The other 49 tests", "the remaining 12": what is left of a number stated elsewhere. */
  private static final java.util.regex.Pattern REMAINDER =
      java.util.regex.Pattern.compile(
          "\\b(?:other|remaining|rest\\s+of\\s+the)\\s+(\\d+)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Why a contradicted claim is not CONTRADICTED when its total is a remainder ("The other 49 tests
   * passed"): the whole it is left of is in another sentence; else null.
   */
  static String remainder(Claim c) {
    java.util.regex.Matcher m = REMAINDER.matcher(c.text());
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      for (Quantity q : c.stated()) {
        if (q.value() == n) {
          return "'%s' counts what is left of a number stated elsewhere".formatted(m.group());
        }
      }
    }
    return null;
  }

  /** The claim read as about {@code subject}, in its own words. */
  static Claim about(Claim c, String subject) {
    return new Claim(
        c.line(),
        c.text(),
        c.kind(),
        subject,
        c.stated(),
        c.before(),
        c.expectation(),
        c.factor(),
        c.temporal(),
        false);
  }
}
