package dev.evident.verify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named test's outcome after the noun that says it is a test ("The `login redirect` e2e test is
 * skipped", "the `TestQuota` case fails"), and a test left as a TODO ("`reads stdin` is still a
 * TODO"), which the formats that have TODOs (TAP) store as skipped. An outcome said of another run
 * ("fails in 2.3", "passed yesterday") is left out; "in both" speaks of the latest run too.
 */
final class TestNounOutcomes {

  /** "`x` e2e test is skipped", "`y` test fails": the noun between a name and its verb. */
  private static final Pattern AFTER_NOUN =
      Pattern.compile(
          NamedTests.LIST
              + "\\s+(?:[\\w-]+\\s+)?(?:tests?|specs?|cases?)\\s+"
              + "(?:(?:is|are|now|still|also|again)\\s+){0,2}"
              + "(?<label>skipped|fails|failing|passes|passing|green|red)\\b"
              + "(?!\\s+(?:in|at|on|after|before|until|since|yesterday|last|earlier|\\d)\\b"
              + "(?!\\s+both\\b))",
          Pattern.CASE_INSENSITIVE);

  /** "`x` is still a TODO", "`y` stays marked TODO". */
  private static final Pattern TODO =
      Pattern.compile(
          NamedTests.LIST
              + "\\s+(?:is|stays|remains)\\s+(?:still\\s+)?(?:a\\s+|marked\\s+(?:as\\s+)?)?TODO\\b",
          Pattern.CASE_INSENSITIVE);

  /** A count right before the name: "2 `Payment` tests", "three of the `Cart` specs". */
  private static final Pattern COUNTED =
      Pattern.compile(
          "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|several|few|many|most"
              + "|of\\s+the)\\s*$",
          Pattern.CASE_INSENSITIVE);

  private TestNounOutcomes() {}

  /** Adds the claims of {@code s} that no claim in {@code all} overlaps. */
  static void add(List<StatementParser.Found> all, String s) {
    Matcher m = AFTER_NOUN.matcher(s);
    while (m.find()) {
      if (COUNTED.matcher(s.substring(0, m.start())).find()) {
        continue; // "2 `Payment` tests skipped": some of the group's tests, not all of them
      }
      String label = m.group("label").toLowerCase(Locale.ROOT);
      add(all, m, label.equals("red") ? Expectation.FAIL : NamedTests.expectation(label));
    }
    Matcher todo = TODO.matcher(s);
    while (todo.find()) {
      add(all, todo, Expectation.SKIP);
    }
  }

  private static void add(List<StatementParser.Found> all, Matcher m, Expectation e) {
    String subject = NamedTests.names(m.group("list"));
    if (!subject.isEmpty() && !NamedTests.overlaps(all, m.start(), m.end())) {
      all.add(new StatementParser.Found(m.start(), m.end(), e, subject, true, null));
    }
  }
}
