package dev.evident.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a verification as text for the terminal, and as the JSON document of issue 7. */
public final class VerificationText {

  private static final int TEXT_WIDTH = 110;

  private VerificationText() {}

  /**
   * One entry per claim: "LINE: claim → VERDICT, actual ..." and the reason indented below it, then
   * the summary.
   */
  public static String render(Verification v) {
    StringBuilder s = new StringBuilder();
    s.append(v.report())
        .append(": ")
        .append(v.claims().size())
        .append(v.claims().size() == 1 ? " claim" : " claims")
        .append(v.runs().isEmpty() ? ", no runs to check against" : " checked against " + runs(v))
        .append('\n');
    for (CheckedClaim c : v.claims()) {
      s.append(String.format("%5d: ", c.claim().line()))
          .append(shorten(c.claim().text()))
          .append(" → ")
          .append(c.verdict());
      String actual = actual(c);
      if (!actual.isEmpty()) {
        s.append(", actual ").append(actual);
      }
      s.append("\n       ").append(c.claim().kind().id());
      if (!c.claim().subject().isEmpty()) {
        s.append(" · ").append(c.claim().subject());
      }
      s.append(" · ").append(c.reason()).append('\n');
    }
    Map<Verdict, Integer> sum = v.summary();
    List<String> parts = new ArrayList<>();
    sum.forEach((verdict, n) -> parts.add(n + " " + verdict));
    s.append(String.join(", ", parts)).append('\n');
    return s.toString();
  }

  /** "run 4", "runs 3, 4", "run 4 (baseline run 3 for changes)". */
  private static String runs(Verification v) {
    List<Long> scope = v.runs().stream().filter(id -> !id.equals(v.baseline())).toList();
    String runs = (scope.size() == 1 ? "run " : "runs ") + Scope.join(scope);
    return v.baseline() == null ? runs : runs + " (baseline run " + v.baseline() + " for changes)";
  }

  /** The actual values in one line: "passing 150, tests 160". */
  static String actual(CheckedClaim c) {
    List<String> parts = new ArrayList<>();
    c.actual().forEach((k, val) -> parts.add(k + " " + val));
    return String.join(", ", parts);
  }

  private static String shorten(String text) {
    String t = text.replaceAll("\\s+", " ");
    return t.length() <= TEXT_WIDTH ? t : t.substring(0, TEXT_WIDTH - 1) + "…";
  }

  /** The verification as issue 7's JSON document (maps and lists for any JSON writer). */
  public static Map<String, Object> json(Verification v) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("report", v.report());
    root.put("runs", v.runs());
    List<Object> claims = new ArrayList<>();
    for (CheckedClaim c : v.claims()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("line", c.claim().line());
      o.put("text", c.claim().text());
      o.put("kind", c.claim().kind().id());
      o.put("subject", c.claim().subject());
      o.put("stated", c.stated());
      o.put("actual", c.actual());
      o.put("verdict", c.verdict().name());
      o.put("reason", c.reason());
      o.put("runs", c.runs());
      claims.add(o);
    }
    root.put("claims", claims);
    Map<String, Object> summary = new LinkedHashMap<>();
    v.summary().forEach((verdict, n) -> summary.put(verdict.name(), n));
    root.put("summary", summary);
    return root;
  }
}
