package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the claim of a sentence that states a change ({@link ChangeParser}): what it counts (from
 * the sentence's counts or its status words), the numbers before and after, and the factor.
 */
final class ChangeClaims {

  private static final Pattern STATUS_WORD =
      Pattern.compile(
          "\\b(pass\\w*|succe\\w*|green|fail\\w*|red|broken|skip\\w*|err(?:ors?|ored|oring)|disabled"
              + "|ignored|pending"
              + "|ran|executed|tests?)\\b",
          Pattern.CASE_INSENSITIVE);

  private ChangeClaims() {}

  /** The change claim of a sentence, with the counts it states beside the change. */
  static Claim of(
      TextBlock block,
      int from,
      String s,
      String text,
      String subject,
      ChangeParser change,
      List<CountParser.Found> counts,
      Double allPassing,
      boolean temporal) {
    if (change.percent()) {
      Measure rate = rateOfWords(s);
      return new Claim(
          block.lineAt(from + change.start()),
          text,
          ClaimKind.CHANGE,
          subject,
          change.to() == null ? List.of() : List.of(percent(rate, change.to())),
          List.of(percent(rate, change.from())),
          null,
          null,
          temporal);
    }
    Measure measure = null;
    Double to = change.to();
    if (to == null && allPassing != null && counts.isEmpty()) {
      to = allPassing;
      measure = Measure.PASSING;
    }
    Double toOf = change.toOf();
    List<Quantity> extra = new ArrayList<>();
    for (CountParser.Found f : counts) {
      if (NewTests.counts(s, f.quantities().get(0).value())) {
        continue; // "We added 7 tests (25 → 32)": the 7 are the difference, not a count now
      }
      Measure m = f.quantities().get(0).measure();
      boolean inChange = f.start() >= change.start() && f.start() < change.end();
      if (!inChange && m.isTotal() && NewTests.counts(s, f.quantities().get(0).value())) {
        continue; // "added 11 tests, taking the suite from 31 to 42": new ones, not a total
      }
      if (measure == null && !m.isRate() && m != Measure.OTHER) {
        measure = m;
        if (to == null && !inChange) {
          to = f.quantities().get(0).value();
          continue;
        }
      }
      if (!inChange) {
        extra.addAll(f.quantities());
      }
    }
    // "12 tests, up from 10; 11 pass", "20/20 (was 16/18, both failures fixed)": the status words
    // of another clause do not say what counted numbers count
    boolean fraction = change.toOf() != null || change.fromOf() != null;
    Measure words =
        measure == null && !fraction ? measureOfWords(s) : measureOfWords(clause(s, change));
    if (measure == null && fraction && words == Measure.TESTS) {
      measure = Measure.PASSING; // "20/20 (was 16/18)": passed of all, as a fraction says
    }
    if (measure == null || words != Measure.TESTS) {
      measure = words == Measure.TESTS && measure != null ? measure : words;
    }
    if (change.fixed() && change.to() != null) {
      measure = Measure.FAILING; // "fixed 2 of 3 failures, 1 remains": 1 fails now
    }
    if (measure == Measure.TESTS && change.factor() != null && !Readings.countsTests(s)) {
      measure = Measure.PASSING; // "14x from 1/18": a factor of passing tests
    }
    List<Quantity> stated = new ArrayList<>();
    List<Quantity> before = new ArrayList<>();
    if (to != null) {
      stated.add(Quantity.exact(measure, to));
    }
    if (toOf != null) {
      stated.add(new Quantity(Measure.TESTS, toOf, Bound.EXACT, 0, CountParser.OF));
    }
    stated.addAll(extra);
    if (change.fixed()) {
      before.add(new Quantity(Measure.FAILING, change.from(), Bound.AT_LEAST, 0, ""));
    } else if (change.from() != null) {
      before.add(Quantity.exact(measure, change.from()));
    }
    if (change.fromOf() != null) {
      before.add(new Quantity(Measure.TESTS, change.fromOf(), Bound.EXACT, 0, CountParser.OF));
    }
    return new Claim(
        block.lineAt(from + change.start()),
        text,
        ClaimKind.CHANGE,
        subject,
        stated,
        before,
        null,
        change.factor(),
        temporal);
  }

  /** The clause a change is in: from the ";" before it to the ";", "," or ")" after it. */
  private static String clause(String s, ChangeParser change) {
    int from = Math.max(0, Math.min(change.start(), s.length()));
    int to = Math.max(from, Math.min(change.end(), s.length()));
    int left = s.lastIndexOf(';', from) + 1;
    int right = Math.max(from, to - 1); // a match may end past the comma after its number
    while (right < s.length() && ";,)".indexOf(s.charAt(right)) < 0) {
      right++;
    }
    return s.substring(Math.min(left, from), right);
  }

  private static final Pattern RATE_WORD =
      Pattern.compile(
          "\\b(coverage|covered|fail(?:ure|ing)?\\s+rate|pass(?:ing)?\\s+rate|success\\s+rate|passing"
              + "|pass(?:es|ed)?|correct(?:ly)?|solved|solves)\\b",
          Pattern.CASE_INSENSITIVE);

  private static Quantity percent(Measure rate, double value) {
    return new Quantity(
        rate,
        value,
        Bound.EXACT,
        value == Math.rint(value) ? 0 : 1,
        rate == Measure.OTHER ? "percentage" : "");
  }

  /** The rate a percentage change speaks of: coverage, fail rate, pass rate; else not tests. */
  private static Measure rateOfWords(String s) {
    Matcher m = RATE_WORD.matcher(s);
    if (!m.find()) {
      return Measure.OTHER;
    }
    String w = m.group(1).toLowerCase(java.util.Locale.ROOT);
    return w.startsWith("cover")
        ? Measure.COVERAGE
        : w.startsWith("fail") ? Measure.FAIL_RATE : Measure.PASS_RATE;
  }

  /**
   * The measure a sentence's status words speak of: passing, failing, errored, skipped (disabled,
   * ignored, pending), executed (ran, run), else tests.
   */
  static Measure measureOfWords(String s) {
    Matcher m = STATUS_WORD.matcher(s);
    Measure ran = Measure.TESTS;
    while (m.find()) {
      String w = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (w.startsWith("pass") || w.startsWith("succe") || w.equals("green")) {
        return Measure.PASSING;
      }
      if (w.startsWith("fail") || w.equals("red") || w.equals("broken")) {
        return Measure.FAILING;
      }
      if (w.startsWith("skip")
          || w.equals("disabled")
          || w.equals("ignored")
          || w.equals("pending")) {
        return Measure.SKIPPED;
      }
      if (w.startsWith("err")) {
        return Measure.ERRORED;
      }
      if (w.equals("ran") || w.equals("executed")) {
        ran = Measure.EXECUTED; // only when no outcome word says more
      }
    }
    return ran;
  }

  /** A sentence that refers to the one before it: "That's a 20x improvement". */
  private static final Pattern ANAPHORA =
      Pattern.compile(
          "^[^\\w]*(?:that|this|which|it)(?:'s|\\s+is|\\s+was|\\s+makes)?\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * The claims with each factor that refers to the change before it ("0/18 → 1/18", then "That's a
   * 20x improvement") given that change's numbers, so that its own arithmetic can be checked.
   */
  static List<Claim> withAntecedents(List<Claim> claims) {
    List<Claim> out = new ArrayList<>(claims);
    for (int i = 1; i < out.size(); i++) {
      Claim c = out.get(i);
      if (ofPercentages(c) && refersBack(c.text())) {
        out.set(i, passRates(c, out, i));
        continue;
      }
      boolean points = c.stated().isEmpty() && OwnArithmetic.statesPoints(c.text());
      if (c.kind() != ClaimKind.CHANGE
          || (c.factor() == null && !points)
          || !c.before().isEmpty()
          || !ANAPHORA.matcher(c.text()).find()) {
        continue;
      }
      Claim prior = antecedent(out, i);
      if (points && prior == null) {
        // "35 of 36 passed (97.2%), up from 94.3%. That is a 3.9-point improvement."
        prior = RatesOfChange.before(out, i);
      }
      if (points
          && prior != null
          && (prior.stated().isEmpty() || !prior.stated().get(0).measure().isRate())) {
        prior = RatesOfChange.only(prior);
        if (prior == null) {
          continue; // points of rates only
        }
      }
      if (prior != null) {
        out.set(
            i,
            new Claim(
                c.line(),
                c.text(),
                c.kind(),
                c.subject().isEmpty() ? prior.subject() : c.subject(),
                prior.stated(),
                prior.before(),
                null,
                c.factor(),
                c.temporal(),
                c.implied()));
      }
    }
    return out;
  }

  /** Whether a sentence opens by referring to the one before it ("That's", "This is", "Which"). */
  static boolean refersBack(String s) {
    return ANAPHORA.matcher(s).find();
  }

  private static boolean ofPercentages(Claim c) {
    return c.kind() == ClaimKind.CHANGE
        && !c.before().isEmpty()
        && c.before().get(0).measure() == Measure.OTHER
        && "percentage".equals(c.before().get(0).label());
  }

  /**
   * "That's a jump from 83% to 96%" right after a change of passing tests: a change of the pass
   * rate; else the claim as it is (percentages of nothing the report names, unverifiable).
   */
  private static Claim passRates(Claim c, List<Claim> claims, int i) {
    Claim prior = null;
    for (int j = i - 1; j >= 0 && prior == null && claims.get(j).line() >= c.line() - 2; j--) {
      prior = claims.get(j).kind() == ClaimKind.CHANGE ? claims.get(j) : null;
    }
    if (prior == null
        || prior.stated().isEmpty()
        || prior.stated().get(0).measure() != Measure.PASSING) {
      return c;
    }
    return new Claim(
        c.line(),
        c.text(),
        c.kind(),
        prior.subject(),
        c.stated().stream().map(q -> percent(Measure.PASS_RATE, q.value())).toList(),
        c.before().stream().map(q -> percent(Measure.PASS_RATE, q.value())).toList(),
        null,
        null,
        c.temporal(),
        prior.implied());
  }

  /**
   * The change a factor at {@code i} refers to: the nearest one before it, within four lines, of
   * the same measure ("That is a 1.5x improvement in passing tests" skips "Failures dropped from 8
   * to 2"), or null.
   */
  private static Claim antecedent(List<Claim> claims, int i) {
    Claim c = claims.get(i);
    Measure own = measureOfWords(c.text());
    for (int j = i - 1; j >= 0 && claims.get(j).line() >= c.line() - 4; j--) {
      Claim prior = claims.get(j);
      if (prior.kind() != ClaimKind.CHANGE
          || prior.line() >= c.line()
          || prior.before().isEmpty()
          || prior.stated().isEmpty()) {
        continue;
      }
      Measure theirs = prior.stated().get(0).measure();
      if (own == theirs || own == Measure.TESTS || theirs == Measure.TESTS) {
        return prior;
      }
    }
    return null;
  }
}
