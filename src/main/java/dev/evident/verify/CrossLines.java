package dev.evident.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two statements of the same quantity about the same subject, on different lines, that disagree
 * ("line 17 says 30 tests; this says 31"), and a claim that all pass beside a count of failures of
 * the same subject. Only the same quantity of the same subject and of the same run is compared: not
 * statements about another time, not changes, not numbers of a part of the run whose subject is not
 * named, not numbers stated before a subject named after them, and table rows by their label.
 */
final class CrossLines {

  private CrossLines() {}

  /** Words that make a count a part of a larger whole. */
  private static final java.util.regex.Pattern PART_OF =
      java.util.regex.Pattern.compile(
          "\\b(?:account(?:s|ed)?\\s+for|make(?:s)?\\s+up|made\\s+up|contribute(?:s|d)?"
              + "|comprise(?:s|d)?)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** Two statements of the same quantity about the same subject that disagree. */
  static void check(
      List<Claim> claims, Map<Claim, String> found, java.util.function.Predicate<Claim> wholeRun) {
    Map<String, List<Claim>> byKey = new LinkedHashMap<>();
    Map<String, Double> values = new java.util.HashMap<>();
    for (Claim c : claims) {
      // A change states its numbers now too; only a rate now ("Coverage: 84% (from 71%)") is
      // compared, as counts now may be of the part that changed.
      boolean rateNow =
          c.kind() == ClaimKind.CHANGE
              && c.factor() == null
              && !c.stated().isEmpty()
              && c.stated().stream().allMatch(q -> q.measure().isRate());
      if (c.temporal() || (c.kind() == ClaimKind.CHANGE && !rateNow)) {
        continue;
      }
      if (c.subject().isEmpty() && !Narrower.in(c.text()).isEmpty()) {
        continue; // "API suites account for 39 tests": maybe not the whole run's quantity
      }
      if (PART_OF.matcher(c.text()).find() || !ownNumbers(c)) {
        continue; // "X accounts for 39 tests": a part of the run, whatever X is
      }
      // "## Summary for the PR": a heading that names no part of the run leaves the whole run
      String subject =
          WholeRows.row(c, claims)
              ? "" // "| Full test suite (`make test`) | 63 passed |": the whole run's numbers
              : (c.implied() || WholeRows.thisChange(c.subject()))
                      && c.kind() != ClaimKind.TABLE
                      && wholeRun.test(c)
                  ? ""
                  : String.join(" ", Names.normalize(c.subject())) + rowLabel(c);
      for (Quantity q : c.stated()) {
        if (q.bound() != Bound.EXACT
            || q.measure() == Measure.TARGET
            || (q.measure() == Measure.OTHER && q.label().split(" ").length < 2)
            || q.measure().isTotal() && NewTests.counts(c.text(), q.value())) {
          continue;
        }
        String key = subject + "\u0000" + key(c, q);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        values.put(key + "\u0000" + System.identityHashCode(c), q.value());
      }
      if (c.expectation() == Expectation.PASS && c.kind() == ClaimKind.UNIVERSAL) {
        byKey.computeIfAbsent(subject + "\u0000" + "all pass", k -> new ArrayList<>()).add(c);
      }
    }
    for (Map.Entry<String, List<Claim>> e : byKey.entrySet()) {
      List<Claim> same = e.getValue();
      for (Claim a : same) {
        for (Claim b : same) {
          if (a == b || a.line() == b.line() || !sameRun(a, b)) {
            continue;
          }
          Double va = values.get(e.getKey() + "\u0000" + System.identityHashCode(a));
          Double vb = values.get(e.getKey() + "\u0000" + System.identityHashCode(b));
          if (va != null && vb != null && !va.equals(vb) && !found.containsKey(a)) {
            String key = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            found.put(
                a,
                "line %d says %s %s; this says %s"
                    .formatted(b.line(), Compare.format(vb), key, Compare.format(va)));
          }
        }
      }
      String subject = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
      if (e.getKey().endsWith("\u0000all pass")) {
        List<Claim> failing =
            byKey.getOrDefault(subject + "\u0000" + Measure.FAILING.key(), List.of());
        for (Claim all : same) {
          for (Claim f : failing) {
            Double v =
                values.get(
                    subject
                        + "\u0000"
                        + Measure.FAILING.key()
                        + "\u0000"
                        + System.identityHashCode(f));
            if (v != null && v > 0 && !found.containsKey(all)) {
              found.put(all, "line %d says %s failing".formatted(f.line(), Compare.format(v)));
            }
          }
        }
      }
    }
  }

  /**
   * "65 tests passing now, up from 57": a change and a count read from one sentence state the same
   * number now; when the count disagrees with another line, so does the change.
   */
  static void sameStatement(List<Claim> claims, Map<Claim, String> found) {
    for (Claim change : claims) {
      if (change.kind() != ClaimKind.CHANGE || found.containsKey(change)) {
        continue;
      }
      for (Claim other : claims) {
        String why = found.get(other);
        if (other == change
            || other.line() != change.line()
            || other.kind() == ClaimKind.CHANGE
            || why == null
            || !why.contains("; this says ")) {
          continue;
        }
        for (Quantity q : change.stated()) {
          if (why.endsWith(" " + q.key() + "; this says " + Compare.format(q.value()))) {
            found.put(change, why);
          }
        }
      }
    }
  }

  /**
   * Whether a claim's numbers are of its subject and of the run now: not a claim about the run
   * before, nor one whose subject is named only after its numbers ("54 of the 56 pass; the one
   * failure is in `WebhookTest`": the 56 are not WebhookTest's).
   */
  private static boolean ownNumbers(Claim c) {
    if (EarlierRun.speaksOf(c) || c.subject().isEmpty() && Narrower.naming(c.text()) != null) {
      return false; // the run before, or "filters 11/11": a part named before its fraction
    }
    if (THAT_RUN.matcher(c.text()).find()) {
      return false; // "25 tests passed in that run": of a run another sentence names
    }
    if (FIXES.matcher(c.text()).find()) {
      return false; // "4 failures fixed since 812": fixes, not the failures left now
    }
    if (c.subject().isEmpty() || c.implied() || c.kind() == ClaimKind.TABLE) {
      return true;
    }
    java.util.regex.Matcher digit = DIGIT.matcher(c.text());
    int named =
        c.text()
            .toLowerCase(java.util.Locale.ROOT)
            .indexOf(c.subject().toLowerCase(java.util.Locale.ROOT));
    return named < 0
        || !digit.find()
        || named < digit.start()
        // "all 13 checkout tests pass": the subject qualifies the noun its number counts
        || QUALIFIES.matcher(c.text().substring(0, named)).find();
  }

  /** A run named by another sentence: "in that run", "on that build". */
  private static final java.util.regex.Pattern THAT_RUN =
      java.util.regex.Pattern.compile(
          "\\b(?:in|on|for|during|of)\\s+(?:that|the\\s+same)\\s+(?:run|build|nightly|pipeline|job"
              + "|attempt|round|session|deploy)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** A count of fixes: "4 failures fixed", "fixed 3 failing tests". */
  private static final java.util.regex.Pattern FIXES =
      java.util.regex.Pattern.compile(
          "\\b\\d+\\s+(?:failures?|failing\\s+tests?|failed\\s+tests?|errors?)\\s+"
              + "(?:(?:were|are|have\\s+been|got)\\s+)?(?:fixed|resolved|repaired)\\b"
              + "|\\b(?:fixed|resolved|repaired)\\s+(?:all\\s+)?\\d+\\s+(?:failures?|failing|failed|errors?)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** A number right before the subject, which qualifies its noun: "13 " of "13 checkout tests". */
  private static final java.util.regex.Pattern QUALIFIES =
      java.util.regex.Pattern.compile("(?<![\\d.,/])\\d+\\s+(?:of\\s+the\\s+)?`?$");

  private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\d");

  /** A quantity's key, a count of tests qualified as executed ("64 executed tests") apart. */
  private static String key(Claim c, Quantity q) {
    String n = java.util.regex.Pattern.quote(Compare.format(q.value()));
    return q.measure() == Measure.TESTS
            && java.util.regex.Pattern.compile("(?i)(?<![\\d.,])" + n + "\\s+executed\\b")
                .matcher(c.text())
                .find()
        ? Measure.EXECUTED.key()
        : q.key();
  }

  /** A table row's label cell (its first cell that is not a number): rows of one table differ. */
  private static String rowLabel(Claim c) {
    if (c.kind() != ClaimKind.TABLE) {
      return "";
    }
    for (String cell : c.text().split("\\|")) {
      String t = cell.strip();
      if (!t.isEmpty() && !t.matches("[\\d.,%#\\s]*")) {
        // the row's own label is its subject; a subject from elsewhere is told apart by it
        return Names.normalize(t).equals(Names.normalize(c.subject()))
            ? ""
            : "\u0001" + String.join(" ", Names.normalize(t));
      }
    }
    for (String cell : c.text().split("\\|")) {
      String t = cell.strip();
      // "| 31 | 80 | 69 |": a number the row does not state as a count labels it (a sprint, a
      // build)
      if (t.matches("#?\\d+")
          && c.stated().stream().noneMatch(q -> Compare.format(q.value()).equals(t))) {
        return "\u0001#" + t.replace("#", "");
      }
    }
    return "";
  }

  /** Names of a point in time or a run: "Q3", "sprint 31", "RC2", "beta 1", "v2.8.0", "#5512". */
  private static final java.util.regex.Pattern RUN_TOKEN =
      java.util.regex.Pattern.compile(
          "\\b(?:[QH][1-4]|(?:sprint|week|iteration|milestone|beta|rc|build|turn|round|day)\\s*#?\\d+"
              + "|v\\d+(?:\\.\\d+)+|\\d+\\.\\d+\\.\\d+)\\b|(?<![\\w&])#\\d{2,}\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Whether two claims may be about the same run: not when each names a point in time or a run and
   * they name none in common ("Q3 had closed at 78 passing" and "Q4 ended with 93").
   */
  static boolean sameRun(Claim a, Claim b) {
    java.util.Set<String> ta = runTokens(a.text());
    java.util.Set<String> tb = runTokens(b.text());
    return ta.isEmpty() || tb.isEmpty() || !java.util.Collections.disjoint(ta, tb);
  }

  private static java.util.Set<String> runTokens(String text) {
    java.util.Set<String> found = new java.util.HashSet<>();
    for (java.util.regex.Matcher m = RUN_TOKEN.matcher(text); m.find(); ) {
      found.add(m.group().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s#]", ""));
    }
    return found;
  }
}
