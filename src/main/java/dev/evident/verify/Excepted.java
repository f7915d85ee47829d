package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests a claim leaves out by name: "All API tests pass except `TestAPI_ListPaginated`", "every
 * export test passes apart from `test_unicode_headers`". A claim that every test of its scope
 * passes is checked on the others: the named exceptions failing is what it says, not against it.
 */
final class Excepted {

  private static final Pattern EXCEPT =
      Pattern.compile(
          "\\b(?:except(?:\\s+for)?|apart\\s+from|other\\s+than|besides|but\\s+not|save\\s+for)"
              + "\\s+(?:the\\s+)?(?:one\\s+|two\\s+|three\\s+)?(?:tests?\\s+)?(?<list>`[^`]+`"
              + "(?:\\s*(?:,|and|&)\\s*`[^`]+`)*)",
          Pattern.CASE_INSENSITIVE);

  /** "apart from one skipped test", "except for 2 failures": exceptions by number and outcome. */
  private static final Pattern COUNTED =
      Pattern.compile(
          "\\b(?:except(?:\\s+for)?|apart\\s+from|other\\s+than|besides|save\\s+for|but\\s+for)"
              + "\\s+(?:the\\s+)?(?<n>\\d+|one|a|an|a\\s+single|two|three)\\s+"
              + "(?:(?:known|expected|pre-?existing|remaining|quarantined|intentionally)\\s+)?"
              + "(?:(?<skip>skipped|skips?|ignored|pending|disabled)|(?<fail>failing|failed|failures?"
              + "|red|broken)|(?<error>errors?|errored|erroring))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "except the gift card one", "apart from the errored one", "except that skip": one test. */
  private static final Pattern DESCRIBED =
      Pattern.compile(
          "\\b(?:except(?:\\s+for)?|apart\\s+from|other\\s+than|besides|save\\s+for|but\\s+for)"
              + "\\s+(?<what>(?:the|that|this)\\s+(?:(?!and\\b|or\\b)[\\w-]+\\s+){0,4}?"
              + "(?:one|case|test|check|spec|skip|failure|error))\\b",
          Pattern.CASE_INSENSITIVE);

  /** "except roundtrip_large_file": one test left out by a name that is an identifier. */
  private static final Pattern BARE =
      Pattern.compile(
          "\\b(?:except(?:\\s+for)?|apart\\s+from|other\\s+than|save\\s+for)\\s+(?:the\\s+)?"
              + "(?:tests?\\s+)?(?<name>[A-Za-z_][\\w:.#>-]*(?:_|::|[a-z][A-Z])[\\w:.#>()-]*)");

  private static final Pattern SKIPPED =
      Pattern.compile("(?<![\\w.,/])(\\d+)\\s+(?:skipped|skips?)\\b", Pattern.CASE_INSENSITIVE);

  private Excepted() {}

  /**
   * The scope without as many tests of an outcome as a claim leaves out by number ("fully green
   * apart from one skipped test"), or null when it leaves out none or the scope does not hold
   * exactly that many: then the claim is checked on the whole scope.
   */
  static Scope counted(String text, Scope scope) {
    Matcher m = COUNTED.matcher(text);
    if (!m.find()) {
      return described(text, scope);
    }
    String n = m.group("n").toLowerCase(java.util.Locale.ROOT);
    int count =
        switch (n) {
          case "two" -> 2;
          case "three" -> 3;
          default -> n.matches("\\d+") ? Integer.parseInt(n) : 1;
        };
    java.util.Set<dev.evident.model.Outcome> outcomes =
        m.group("skip") != null
            ? java.util.EnumSet.of(dev.evident.model.Outcome.SKIPPED)
            : m.group("fail") != null
                ? java.util.EnumSet.of(
                    dev.evident.model.Outcome.FAILED, dev.evident.model.Outcome.ERRORED)
                : java.util.EnumSet.of(dev.evident.model.Outcome.ERRORED);
    List<TestEvidence> kept =
        scope.tests().stream().filter(t -> !outcomes.contains(t.outcome())).toList();
    if (scope.tests().size() - kept.size() != count) {
      return null;
    }
    return Scope.of(
        scope.description()
            + " except "
            + m.group("n")
            + " "
            + (m.group("skip") != null
                ? m.group("skip")
                : m.group("fail") != null ? m.group("fail") : m.group("error")),
        kept,
        scope.runs());
  }

  /**
   * The scope without the one test a claim sets apart by description ("all green except the gift
   * card one", "apart from the errored one", "except that skip"), or null when it sets none apart
   * or the scope does not hold exactly one test of that outcome: then the whole scope counts.
   */
  private static Scope described(String text, Scope scope) {
    Matcher m = DESCRIBED.matcher(text);
    if (!m.find()) {
      return null;
    }
    String words = m.group().toLowerCase(java.util.Locale.ROOT);
    java.util.Set<dev.evident.model.Outcome> outcomes =
        words.matches("(?s).*\\bskip(?:s|ped)?\\b.*")
            ? java.util.EnumSet.of(dev.evident.model.Outcome.SKIPPED)
            : words.matches("(?s).*\\berror(?:s|ed)?\\b.*")
                ? java.util.EnumSet.of(dev.evident.model.Outcome.ERRORED)
                : java.util.EnumSet.of(
                    dev.evident.model.Outcome.FAILED, dev.evident.model.Outcome.ERRORED);
    List<TestEvidence> kept =
        scope.tests().stream().filter(t -> !outcomes.contains(t.outcome())).toList();
    if (scope.tests().size() - kept.size() != 1) {
      return null;
    }
    return Scope.of(scope.description() + " except " + m.group("what"), kept, scope.runs());
  }

  /** The tests a sentence leaves out by name, in backticks; empty when it names none. */
  static List<String> in(String text) {
    Matcher m = EXCEPT.matcher(text);
    List<String> names = new ArrayList<>();
    if (m.find()) {
      Matcher item = Pattern.compile("`([^`]+)`").matcher(m.group("list"));
      while (item.find()) {
        names.add(item.group(1).strip());
      }
    } else {
      Matcher bare = BARE.matcher(text);
      if (bare.find()) {
        names.add(bare.group("name").replaceAll("[.,;:]+$", ""));
      }
    }
    return names;
  }

  /** The scope of a claim that every test passes, without the tests it leaves out by name. */
  static Scope apply(Claim c, Scope scope) {
    if (c.expectation() != Expectation.PASS) {
      return scope;
    }
    List<String> names = in(c.text());
    Scope rest = names.isEmpty() ? null : without(scope, names);
    return rest == null ? scope : rest;
  }

  /**
   * The scope a claim that every test passes is checked on for its outcomes: without the tests it
   * leaves out by number ("apart from one skipped test") or description ("except the errored one"),
   * whose skips it states ("✅ 63/64, 1 skipped"), or, when it speaks of the executed tests only
   * ("all 51 executed tests pass"), the skipped ones. A claim of no failures that sets its errors
   * apart ("the error above is a teardown exception, not an assertion") is checked on the others.
   * Its counts are still checked on the whole scope.
   */
  static Scope forOutcomes(Claim c, Scope scope) {
    if (c.expectation() == Expectation.NO_FAILURES) {
      Scope rest = counted(c.text(), scope);
      rest = rest == null ? scope : rest;
      return ERRORS_APART.matcher(c.text()).find()
          ? without(rest, dev.evident.model.Outcome.ERRORED, "the errors it sets apart")
          : rest;
    }
    if (c.expectation() != Expectation.PASS) {
      return scope;
    }
    Scope rest = counted(c.text(), scope);
    rest = rest == null ? stated(c, scope) : rest;
    return EXECUTED_ONLY.matcher(c.text()).find()
        ? without(rest, dev.evident.model.Outcome.SKIPPED, "the skipped (it counts executed tests)")
        : rest;
  }

  /** "all 51 executed tests pass", "every test that ran passed": the skipped ones are not its. */
  private static final Pattern EXECUTED_ONLY =
      Pattern.compile(
          "\\b(?:all|every|each)\\s+(?:\\d+\\s+)?(?:of\\s+the\\s+)?(?:\\d+\\s+)?executed\\b"
              + "|\\b(?:tests?|ones?)\\s+(?:that|which)\\s+(?:ran|were\\s+run|executed|did\\s+run)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Zero failures (the error above is a teardown exception, not an assertion)", "no failures,
   * errors aside": the sentence tells its errored tests apart from failures.
   */
  private static final Pattern ERRORS_APART =
      Pattern.compile(
          "\\bthe\\s+(?:one\\s+|only\\s+|single\\s+)?errors?\\b(?:\\s+(?:above|below|here))?\\s+"
              + "(?:is|are|was|were)\\b[^.;]{0,60}?\\bnot\\b"
              + "|\\berrors?\\s+aside\\b|\\b(?:aside\\s+from|apart\\s+from|except(?:\\s+for)?|besides)"
              + "\\s+the\\s+(?:one\\s+|only\\s+)?(?:errors?|errored)\\b",
          Pattern.CASE_INSENSITIVE);

  private static Scope without(Scope scope, dev.evident.model.Outcome outcome, String what) {
    List<TestEvidence> kept = scope.tests().stream().filter(t -> t.outcome() != outcome).toList();
    return kept.size() == scope.tests().size()
        ? scope
        : Scope.of(scope.description() + " except " + what, kept, scope.runs());
  }

  /**
   * "✅ 63/64, 1 skipped": a claim that all pass and states its skipped tests leaves them out, when
   * the scope holds exactly that many.
   */
  private static Scope stated(Claim c, Scope scope) {
    Quantity q = c.quantity(Measure.SKIPPED);
    Matcher m = SKIPPED.matcher(c.text());
    String skipped =
        q != null && q.bound() == Bound.EXACT ? q.display() : m.find() ? m.group(1) : null;
    if (skipped == null) {
      return scope;
    }
    List<TestEvidence> kept =
        scope.tests().stream()
            .filter(t -> t.outcome() != dev.evident.model.Outcome.SKIPPED)
            .toList();
    if (scope.tests().size() - kept.size() != Double.parseDouble(skipped)) {
      return scope;
    }
    return Scope.of(
        scope.description() + " except the " + skipped + " skipped it states", kept, scope.runs());
  }

  /** The scope without the tests {@code names} name, or null when none of them is in it. */
  static Scope without(Scope scope, List<String> names) {
    List<TestEvidence> kept = new ArrayList<>();
    for (TestEvidence t : scope.tests()) {
      boolean named = false;
      for (String n : names) {
        named |= Resolvers.TEST_NAMES.matches(n, Names.normalize(n), t);
      }
      if (!named) {
        kept.add(t);
      }
    }
    if (kept.size() == scope.tests().size()) {
      return null;
    }
    return Scope.of(
        scope.description() + " except " + String.join(", ", names), kept, scope.runs());
  }
}
