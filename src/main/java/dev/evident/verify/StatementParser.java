package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds universal, readiness and named-test statements in one sentence: "all tests pass", "all unit
 * tests are passing", "tests are now passing", "no failures", "All tests are currently failing",
 * "production ready", "fully operational", "100% complete", "test_task_execution passes",
 * "`CartTest` fails".
 */
final class StatementParser {

  /** A statement with where it stands, its subject and, for "all 166 tests", its count. */
  record Found(
      int start, int end, Expectation expectation, String subject, boolean named, Double count) {}

  private static final Pattern ALL =
      Pattern.compile(
          "\\ball\\s+(?!but\\b)(?:(?<n>"
              + CountParser.NUMBER
              + ")\\s+)?(?:of\\s+)?(?:the\\s+|our\\s+)?(?<q>(?:[\\w-]+\\s+|`[\\w.$-]+`\\s+){0,2}?)(?:tests?|specs?"
              + "|test\\s+cases)\\s+(?:(?:are|were|have|has|now|currently|still|been|all)\\s+)*"
              + "(?<v>pass(?:ing|es|ed)?|succeed(?:ing|s|ed)?|green|fail(?:ing|s|ed)?|broken"
              + "|skipped)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "`InvoiceControllerTest`: all 12 pass": all of a subject the sentence named before. */
  private static final Pattern ALL_N =
      Pattern.compile(
          "\\ball\\s+(?<n>"
              + CountParser.NUMBER
              + ")\\s+(?:(?:are|have|now|still|currently)\\s+)*(?<v>pass(?:ing|es|ed)?|green"
              + "|succeed(?:ing|s|ed)?)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PLURAL =
      Pattern.compile(
          "(?:^[^\\w`]*|[,:;]\\s*|\\band\\s+)(?:the\\s+)?(?:(?<q>[\\w-]+)\\s+)?tests\\s+(?:are\\s+)?(?:now\\s+)?"
              + "(?:all\\s+)?(?<v>passing|pass|green)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NO_FAILURES =
      Pattern.compile(
          "\\b(?:no|zero)\\s+(?:(?:test\\s+)?failures|failing\\s+tests|failed\\s+tests"
              + "|test\\s+errors)\\b|\\beverything\\s+(?:is\\s+)?(?:passing|passes|green)\\b"
              + "|\\ball\\s+green\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NO_REGRESSIONS =
      Pattern.compile(
          "\\b(?:no|zero|without(?:\\s+any)?)\\s+(?:(?:new\\s+)?(?:test\\s+)?regressions?"
              + "|new\\s+(?:test\\s+)?failures|newly\\s+failing\\s+tests)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "None of the cart tests failed", "no unit tests failed": nothing in the subject failed. */
  private static final Pattern NONE_OF =
      Pattern.compile(
          "\\b(?:none\\s+of\\s+the|no)\\s+(?<q>(?:[\\w-]+\\s+){0,2}?)(?:tests?|specs?)\\s+"
              + "(?:(?:have|has|had|ever)\\s+)?(?:failed|fail|fails|broke|errored)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words before a named subject that deny its verb of every test ("nothing in", "none of"). */
  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(?:nothing|none|no\\s+tests?|not\\s+a\\s+(?:single\\s+)?test|zero\\s+tests?)"
              + "\\s+(?:of\\s+the\\s+tests\\s+)?(?:of|in|under|from|inside)\\s+(?:the\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /** "Nothing was skipped": every test in scope executed ("zero skipped tests" is a count). */
  private static final Pattern NO_SKIPS =
      Pattern.compile(
          "\\bnothing\\s+(?:was\\s+|is\\s+|got\\s+|has\\s+been\\s+)?skipped\\b|\\bno\\s+(?:skipped"
              + "\\s+(?:tests?|specs?)|tests?\\s+(?:were\\s+|was\\s+)?skipped)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "No flaky tests", "flaky: none", "zero flakes". */
  private static final Pattern NO_FLAKY =
      Pattern.compile(
          "\\b(?:no|zero|without(?:\\s+any)?)\\s+(?:flaky\\s+(?:tests?|specs?|runs?)|flakes"
              + "|flakiness|flaky\\b)|^[^\\w]*flaky(?:\\s+tests?)?\\s*[:=]\\s*(?:none|0|no)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern READY =
      Pattern.compile(
          "\\b(?:production[- ]ready|ready\\s+for\\s+(?:production|release|deployment|merge)"
              + "|ready\\s+to\\s+(?:merge|release|deploy|ship|tag)|(?:good|safe)\\s+to\\s+(?:merge|release|tag)"
              + "|fully\\s+(?:operational|functional|working|tested)|(?:working|works|work"
              + "|functioning|functions|operating)\\s+(?:correctly|properly|as\\s+expected)"
              + "|(?:properly|correctly|fully)\\s+implemented|operational|functional|healthy"
              + "|feature[- ]complete)\\b|\\b100\\s?%\\s+(?:complete|completed|done)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "`X` passes", "TestY is failing"; not "QuotaTests passes 3 of 4", a count of its tests. */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?<id>`[^`\\s]+`|(?<![\\w/.-])(?:[\\w./-]+(?:::|#|\\.))?(?:test_\\w+|\\w+_test|Test[A-Z]\\w*"
              + "|[A-Z]\\w*(?:Test|Tests|Spec|IT))(?:::\\w+|\\.\\w+)?(?![\\w/.]))\\s*(?:[:\\-–—]\\s*)?"
              + "(?i:(?:(?:is|are|was|were|now|still|all|consistently|currently|fully|again|reliably|also|already)\\s+){0,3}"
              + "(?:[✅❌⏭️]\\s*)?(?<v>pass(?:es|ing|ed)?(?!\\s+(?:all\\s+)?\\d)|succeed(?:s|ed|ing)?|fail(?:s|ed|ing)?"
              + "|skipped|errors|errored|erroring|green|red|fixed(?![ \\t]+\\w)))\\b");

  private static final Pattern DETERMINERS =
      Pattern.compile(
          "^(?:some|few|most|many|these|those|which|that|failing|failed|flaky|skipped|new|other"
              + "|remaining|several)$",
          Pattern.CASE_INSENSITIVE);

  private StatementParser() {}

  static List<Found> parse(String s) {
    List<Found> found = new ArrayList<>();
    Matcher all = ALL.matcher(s);
    while (all.find()) {
      if (Sentences.denied(s, all.start())) {
        continue; // "not all tests pass": some do not, which is no claim about every test
      }
      String q =
          Subjects.ofQualifiers(List.of(all.group("q").replace("`", "").strip().split("\\s+")));
      Double n = all.group("n") == null ? null : CountParser.number(all.group("n"));
      found.add(new Found(all.start(), all.end(), of(all.group("v")), q, false, n));
    }
    Matcher allN = ALL_N.matcher(s);
    while (allN.find()) {
      if (!overlaps(found, allN.start())) {
        Double n = CountParser.number(allN.group("n"));
        found.add(new Found(allN.start(), allN.end(), of(allN.group("v")), "", false, n));
      }
    }
    Matcher plural = PLURAL.matcher(s);
    while (plural.find()) {
      String q = plural.group("q") == null ? "" : plural.group("q");
      if (!overlaps(found, plural.start("v"))
          && !DETERMINERS.matcher(q).matches()
          && !q.matches("\\d+")) {
        found.add(
            new Found(
                plural.start(),
                plural.end(),
                Expectation.PASS,
                Subjects.ofQualifiers(List.of(q)),
                false,
                null));
      }
    }
    Matcher none = NO_FAILURES.matcher(s);
    while (none.find()) {
      if (!overlaps(found, none.start()) && !Sentences.denied(s, none.start())) {
        boolean green =
            none.group().toLowerCase(Locale.ROOT).contains("green")
                || none.group().toLowerCase(Locale.ROOT).contains("pass");
        found.add(
            new Found(
                none.start(),
                none.end(),
                green ? Expectation.PASS : Expectation.NO_FAILURES,
                "",
                false,
                null));
      }
    }
    Matcher noSkips = NO_SKIPS.matcher(s);
    while (noSkips.find()) {
      if (!overlaps(found, noSkips.start())) {
        found.add(new Found(noSkips.start(), noSkips.end(), Expectation.NO_SKIPS, "", false, null));
      }
    }
    Matcher noFlaky = NO_FLAKY.matcher(s);
    while (noFlaky.find()) {
      if (!overlaps(found, noFlaky.start())) {
        found.add(new Found(noFlaky.start(), noFlaky.end(), Expectation.NO_FLAKY, "", false, null));
      }
    }
    Matcher regressions = NO_REGRESSIONS.matcher(s);
    while (regressions.find()) {
      if (!overlaps(found, regressions.start())) {
        found.add(
            new Found(
                regressions.start(),
                regressions.end(),
                Expectation.NO_REGRESSIONS,
                "",
                false,
                null));
      }
    }
    Matcher noneOf = NONE_OF.matcher(s);
    while (noneOf.find()) {
      if (!overlaps(found, noneOf.start())) {
        String q = noneOf.group("q").strip();
        found.add(
            new Found(
                noneOf.start(),
                noneOf.end(),
                Expectation.NO_FAILURES,
                q.isEmpty() ? "" : Subjects.ofQualifiers(List.of(q.split("\\s+"))),
                false,
                null));
      }
    }
    Matcher named = NAMED.matcher(s);
    while (named.find()) {
      if (!overlaps(found, named.start("v"))) {
        String id = named.group("id").replace("`", "");
        Expectation e =
            WasFailing.named(
                EarlierRun.named(of(named.group("v")), named.group("v"), s.substring(named.end())),
                named.group(),
                s.substring(named.end()));
        if (NEGATION.matcher(s.substring(0, named.start())).find()) {
          // "Nothing in `tests/api/` was skipped": said of none of its tests, not of all.
          if (e != Expectation.PASS) {
            Expectation denied =
                e == Expectation.SKIP ? Expectation.NO_SKIPS : Expectation.NO_FAILURES;
            found.add(new Found(named.start(), named.end(), denied, id, false, null));
          }
          continue;
        }
        found.add(new Found(named.start(), named.end(), e, id, true, null));
      }
    }
    Matcher ready = READY.matcher(s);
    while (ready.find()) {
      if (!overlaps(found, ready.start())) {
        found.add(
            new Found(
                ready.start(),
                ready.end(),
                Expectation.READY,
                Readiness.subject(s, ready.start()),
                false,
                null));
      }
    }
    found.sort(java.util.Comparator.comparingInt(Found::start));
    return found;
  }

  private static Expectation of(String verb) {
    String v = verb.toLowerCase(Locale.ROOT);
    if (v.startsWith("pass") || v.startsWith("succeed") || v.equals("green") || v.equals("fixed")) {
      return Expectation.PASS;
    }
    if (v.startsWith("skip")) {
      return Expectation.SKIP;
    }
    return Expectation.FAIL;
  }

  private static boolean overlaps(List<Found> found, int at) {
    for (Found f : found) {
      if (at >= f.start() && at < f.end()) {
        return true;
      }
    }
    return false;
  }
}
