package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims about named tests that {@link StatementParser} does not read: lists of tests under a label
 * ("New failures: `TestA`, `TestB`", "Fixed: `test_x`"), lists in a sentence ("The only failures
 * are `a` and `b`", "`TestA`, `TestB` and `TestC` regressed", "fixes `applies coupon once`"), and a
 * test followed by where it is before its verb ("`roundsHalfUp` (InvoiceServiceTest) fails",
 * "`refundsPartialAmount` in PaymentGatewayTest passes again", "`TestQueue` has failed since the
 * upgrade"). A list is one claim whose subject joins its tests with ", " ({@link #split}).
 */
final class NamedTests {

  /** A test: in backticks (spaces allowed, as Jest names have them) or an identifier. */
  static final String TEST =
      "(?:(?<![\\w`])`[\\w@$][^`•]{0,78}[\\w)\\]]`|(?<![\\w/.-])(?:\\w+(?:::\\w+)*::tests?::\\w+|test_\\w+|\\w+_test|Test[A-Z]\\w*|[a-z]+[A-Z]\\w*"
          + "|[A-Z]\\w*(?:Test|Tests|Spec|IT)(?:[.#]\\w+)?)(?![\\w/.]))";

  /** Where a test is, between it and its verb: "(InvoiceServiceTest)", "in `PaymentTest`". */
  static final String WHERE = "(?:\\s*\\([^()]{1,60}\\)|\\s+in\\s+`?[\\w./-]+`?)?";

  static final String LIST =
      "(?<list>"
          + TEST
          + WHERE
          + "(?:\\s*(?:,\\s*(?:and\\s+)?|\\band\\s+|&\\s*)"
          + TEST
          + WHERE
          + ")*)";

  /** "New failures: `A`, `B`": a label that says what happened to every test listed after it. */
  private static final Pattern LABELED =
      Pattern.compile(
          "^[^\\w`]*(?<label>new(?:ly)?\\s+fail(?:ures?|ing)|regress(?:ions|ed)|fixed|fixes"
              + "|now\\s+passing|(?:still\\s+)?failing|failures?|failed|broken|skipped|errored"
              + "|errors)\\b[^:]{0,30}:\\s*"
              + LIST
              + "\\s*(?:[.;,—–(-]|$)",
          Pattern.CASE_INSENSITIVE);

  /** "The only failures are `a` and `b`", "The known failure is `x`". */
  private static final Pattern FAILURES_ARE =
      Pattern.compile(
          "\\b(?:the|its|our)\\s+(?:(?:only|known|remaining|one|two|three|real|[\\w-]+)\\s+){0,2}"
              + "(?<label>failures?|failing\\s+tests?|regressions?|skipped\\s+tests?)\\s+"
              + "(?:is|are|was|were)\\s+"
              + LIST
              + "(?=\\s*(?:[.;,:(—–-]|$))",
          Pattern.CASE_INSENSITIVE);

  /**
   * "`A`, `B` and `C` regressed", "`x` (Suite) fails", "`y` in Suite passes again", "`z` stays
   * skipped", "`w` fixed by the new runner".
   */
  private static final Pattern VERB_AFTER =
      Pattern.compile(
          LIST
              + "\\s+(?:(?:both|all|now|still|also|again|has|have|had|is|are|was|were|stays?"
              + "|remains?)\\s+){0,2}"
              + "(?<label>regressed|broke|pass(?:es|ed)?|fail(?:s|ed)?|errors|errored|fixed|is\\s+skipped"
              + "|was\\s+skipped|skipped|disabled|(?:started|keeps|kept)\\s+failing|(?:went|turned)\\s+(?:red"
              + "|green)|timed\\s+out|times\\s+out|crashe[sd])\\b(?!\\s+\\d)",
          Pattern.CASE_INSENSITIVE);

  /** "fixes `applies coupon once`", "Fixed `TestA` and `TestB`". */
  private static final Pattern FIXES =
      Pattern.compile("\\b(?<label>fix(?:es|ed)?)\\s+" + LIST, Pattern.CASE_INSENSITIVE);

  private static final Pattern ITEM = Pattern.compile(TEST);

  /** Names that are tests by their form: test_x, TestX, XTest, x_spec, "applies coupon once". */
  private static final Pattern TEST_LIKE =
      Pattern.compile("(?i:test|spec)|IT$|\\w \\w|^[a-z]+[A-Z]\\w*$");

  /** Backticked names that are errors or files other than tests. */
  private static final Pattern NOT_A_TEST =
      Pattern.compile(
          "(?:Error|Exception|Warning)$|\\.(?:ini|md|ya?ml|json|toml|cfg|txt|lock|xml|sh)$");

  /**
   * "Auth is green across the board", "push and sms suites are all green", "cron suite fully
   * green".
   */
  private static final Pattern GREEN =
      Pattern.compile(
          "(?:^[^\\w`]*|[;:]\\s+|\\band\\s+(?=the\\s))(?:the\\s+)?(?<list>`?[\\w./-]+`?(?:\\s*(?:,|and|&)\\s*`?[\\w./-]+`?)*)"
              + "(?:(?<noun>\\s+(?:suites?|tests?|specs?|modules?|packages?))?\\s+(?:is|are)|(?<bare>\\s+(?:suites?|tests?|specs?)))"
              + "\\s+(?:(?:now|still|all|fully|completely|entirely|again)\\s+)*(?<label>green|passing)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "No regressions in `test_models.py` or `test_api.py`": each checked on its own. */
  private static final Pattern NO_REGRESSIONS_IN =
      Pattern.compile(
          "\\b(?:no|zero)\\s+(?:new\\s+)?(?:regressions?|new\\s+failures)\\s+in\\s+(?:either\\s+)?"
              + "(?<list>`[^`]+`(?:\\s*(?:,|\\bor\\b|\\band\\b|\\bnor\\b)\\s*`[^`]+`)*)",
          Pattern.CASE_INSENSITIVE);

  /** "Every export test passes", "each test is green". */
  private static final Pattern EVERY =
      Pattern.compile(
          "\\b(?:every|each)\\s+(?:(?:single|one)\\s+)?(?:(?<q>[\\w-]+)\\s+)?(?:test|spec)\\s+"
              + "(?:(?:now|still|also)\\s+)?(?:passes|is\\s+(?:now\\s+)?(?:passing|green))\\b",
          Pattern.CASE_INSENSITIVE);

  /** Subjects of "X is green" that mean the whole run or nothing in particular. */
  private static final java.util.Set<String> WHOLE =
      java.util.Set.of(
          "ci",
          "build",
          "builds",
          "everything",
          "it",
          "all",
          "main",
          "master",
          "pipeline",
          "suite",
          "tests",
          "test",
          "this",
          "that",
          "dashboard",
          "board",
          "run",
          "branch",
          "pr",
          "everything's");

  private NamedTests() {}

  /** The statements of a sentence with the named-test claims this class reads added, in order. */
  static List<StatementParser.Found> with(List<StatementParser.Found> found, String s) {
    List<StatementParser.Found> all = new ArrayList<>(found);
    for (Pattern p : List.of(LABELED, FAILURES_ARE, VERB_AFTER, FIXES)) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        Expectation e = expectation(m.group("label"));
        String subject = names(m.group("list"));
        if (p == FIXES && !split(subject).stream().allMatch(n -> TEST_LIKE.matcher(n).find())) {
          continue; // "fixes `CartService` caching": code, not a test
        }
        if (e != null && !subject.isEmpty() && !overlaps(all, m.start(), m.end())) {
          all.add(new StatementParser.Found(m.start(), m.end(), e, subject, true, null));
        }
      }
    }
    NamedWordings.add(all, s);
    CommandGreen.add(all, s);
    OutsidePart.add(all, s);
    FailedThenPasses.add(all, s);
    TestNounOutcomes.add(all, s);
    Matcher none = NO_REGRESSIONS_IN.matcher(s);
    while (none.find()) {
      int from = none.start();
      int to = none.end();
      String subject = names(none.group("list"));
      if (!subject.isEmpty()) {
        all.removeIf(f -> f.subject().isEmpty() && f.start() >= from && f.start() < to);
      }
      if (!subject.isEmpty() && !overlaps(all, from, to)) {
        all.add(
            new StatementParser.Found(from, to, Expectation.NO_REGRESSIONS, subject, false, null));
      }
    }
    Matcher every = EVERY.matcher(s);
    while (every.find()) {
      String q = every.group("q") == null ? "" : every.group("q");
      if (!overlaps(all, every.start(), every.end())
          && !WHOLE.contains(q.toLowerCase(Locale.ROOT))) {
        all.add(
            new StatementParser.Found(
                every.start(), every.end(), Expectation.PASS, q, false, null));
      }
    }
    Matcher green = GREEN.matcher(s);
    while (green.find()) {
      List<String> names = new ArrayList<>();
      for (String n : green.group("list").split("\\s*(?:,|\\band\\b|&)\\s*")) {
        names.add(n.replace("`", "").strip());
      }
      if (names.stream().anyMatch(n -> !n.matches("[^\\d/]*[A-Za-z][^/]*"))) {
        continue; // "42 tests passing", "tests/api is green": a count, a path
      }
      boolean whole = names.stream().anyMatch(n -> WHOLE.contains(n.toLowerCase(Locale.ROOT)));
      int from = green.start("list");
      if (!whole) {
        // "sms suites are all green": the subject's, not the whole run's "all green".
        all.removeIf(f -> f.subject().isEmpty() && f.start() >= from && f.end() <= green.end());
      }
      if (!overlaps(all, from, green.end())) {
        // "the test suite is green", "CI is green": the whole run's
        String subject = whole ? "" : String.join(", ", names);
        all.add(
            new StatementParser.Found(
                green.start("list"), green.end(), Expectation.PASS, subject, false, null));
      }
    }
    all.sort(java.util.Comparator.comparingInt(StatementParser.Found::start));
    return all;
  }

  /** "Failing:" alone in its paragraph: what happened to each test listed under it. */
  private static final Pattern LEAD =
      Pattern.compile(
          "^[^\\w`]*(?<label>new(?:ly)?\\s+fail(?:ures?|ing)(?:\\s+tests)?|regressions|regressed"
              + "|fixed|(?:still\\s+)?failing(?:\\s+tests)?|failures|failed(?:\\s+tests)?|broken"
              + "|skipped(?:\\s+tests)?|errored(?:\\s+tests)?)\\s*(?:\\(\\d+\\))?\\s*:\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** A test alone in its list item: "`TestStore_ExpireRace` (store)", "test_x — timeout". */
  private static final Pattern ALONE =
      Pattern.compile("^[^\\w`]*(?<test>" + TEST + ")" + WHERE + "\\s*(?:[—–:-]\\s.*)?$");

  /**
   * Claims about the tests listed one per item under a paragraph that is only a label ("failing:",
   * "New failures:"), each with the label's expectation.
   */
  static List<Claim> listed(List<TextBlock> blocks) {
    List<Claim> claims = new ArrayList<>();
    Expectation lead = null;
    for (TextBlock b : blocks) {
      Matcher label = LEAD.matcher(b.text());
      if (b.kind() == TextBlock.Kind.PARAGRAPH && label.matches()) {
        lead = expectation(label.group("label"));
        continue;
      }
      Matcher alone = ALONE.matcher(b.text());
      if (lead == null || b.kind() != TextBlock.Kind.PARAGRAPH || !alone.matches()) {
        lead = null;
        continue;
      }
      String name = names(alone.group("test"));
      if (!name.isEmpty()) {
        String text = b.text().strip();
        claims.add(
            new Claim(
                b.lineAt(0), text, ClaimKind.NAMED, name, List.of(), List.of(), lead, null, false));
      }
    }
    return claims;
  }

  /** The tests of a list subject ("`TestA`, `TestB`"), or the subject alone. */
  static List<String> split(String subject) {
    return List.of(subject.split(", "));
  }

  static String names(String list) {
    List<String> names = new ArrayList<>();
    Matcher item = ITEM.matcher(list.replaceAll("\\([^()]*\\)|\\s+in\\s+`?[\\w./-]+`?", " "));
    while (item.find()) {
      String n = item.group().replace("`", "").strip();
      if (n.matches(".*\\d+\\s*/\\s*\\d+.*") || CommandLike.is(n) || NOT_A_TEST.matcher(n).find()) {
        return ""; // "`14/14`", "`go test ./...`", "`TypeError`", "`pytest.ini`": not a test
      }
      names.add(n);
    }
    return String.join(", ", names);
  }

  static Expectation expectation(String label) {
    String l = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (l.startsWith("new") || l.startsWith("regress") || l.equals("broke")) {
      return Expectation.REGRESSED;
    }
    if (l.endsWith("green")) {
      return Expectation.PASS;
    }
    if (l.startsWith("fix")) {
      return Expectation.FIXED;
    }
    if (l.startsWith("now passing") || l.startsWith("pass")) {
      return Expectation.PASS;
    }
    if (l.contains("skipped") || l.contains("disabled")) {
      return Expectation.SKIP;
    }
    return Expectation.FAIL;
  }

  static boolean overlaps(List<StatementParser.Found> found, int start, int end) {
    for (StatementParser.Found f : found) {
      if (start < f.end() && f.start() < end) {
        return true;
      }
    }
    return false;
  }

  /** Commands in backticks say how tests were run, not which. */
  private static final class CommandLike {
    private static final Pattern COMMAND =
        Pattern.compile(
            "^(?:pytest|npm|npx|yarn|jest|mvn|gradle|go|cargo|dotnet|make|ctest|phpunit)\\s.*");

    static boolean is(String s) {
      return COMMAND.matcher(s).matches();
    }
  }
}
