package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named test said to have failed before and to pass now, in one sentence: "`x` was failing; it
 * passes now", "`y` no longer errors; it passes", "`z` was the only failure yesterday and it passes
 * this morning". And the fix of a named test's failure: "I fixed the `test_x` setup error", "fixed
 * rounding for `test_y`". Each is FIXED: failed or errored in the baseline, passes in the latest.
 * Only names that are tests by their form are read after "fixed", as {@link NamedTests} does.
 */
final class FailedThenPasses {

  /**
   * What a test did before: "was failing", "errored", "no longer fails", "was the only failure".
   */
  private static final String BEFORE =
      "(?:(?:was|were|had\\s+been)\\s+(?:failing|erroring|red|broken)"
          + "|(?:was|were)\\s+the\\s+(?:only|one|single|last)\\s+(?:[\\w-]+\\s+)?failures?"
          + "|no\\s+longer\\s+(?:fails|errors|crashes)|used\\s+to\\s+fail|failed|errored)\\b";

  /** "`x` was failing; passes now", "`y` no longer errors; it passes". */
  private static final Pattern THEN_NOW =
      Pattern.compile(
          NamedTests.LIST
              + "\\s+"
              + BEFORE
              + "[^.;]{0,50}?(?:[;,]\\s*|\\s+(?:and|but)\\s+)(?:(?:it|now|is|they|are)\\s+)*"
              + "(?:pass(?:es|ing)?|green)\\b(?!\\s+(?:in|on)\\s+(?:the\\s+)?(?:first|one|some))",
          Pattern.CASE_INSENSITIVE);

  /** "fixed the `test_x` setup error", "fixed rounding for `test_y`". */
  private static final Pattern FIXED_ITS =
      Pattern.compile(
          "\\bfix(?:ed|es)\\s+(?:the\\s+)?(?:"
              + NamedTests.LIST
              + "\\s+(?:[\\w-]+\\s+)?(?:error|failure|crash|timeout)s?\\b"
              + "|[\\w-]+(?:\\s+[\\w-]+)?\\s+(?:for|in|of)\\s+"
              + NamedTests.LIST.replace("<list>", "<list2>")
              + ")",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TEST_LIKE = Pattern.compile("(?i:test|spec)|\\w \\w");

  private FailedThenPasses() {}

  /** Adds the claims of {@code s} that no claim in {@code all} overlaps. */
  static void add(List<StatementParser.Found> all, String s) {
    Matcher m = THEN_NOW.matcher(s);
    while (m.find()) {
      add(all, m, NamedTests.names(m.group("list")));
    }
    Matcher f = FIXED_ITS.matcher(s);
    while (f.find()) {
      String subject =
          NamedTests.names(f.group("list") != null ? f.group("list") : f.group("list2"));
      if (NamedTests.split(subject).stream().allMatch(n -> TEST_LIKE.matcher(n).find())) {
        add(all, f, subject); // "fixed the `CartService` cache error": code, not a test
      }
    }
  }

  private static void add(List<StatementParser.Found> all, Matcher m, String subject) {
    if (!subject.isEmpty() && !NamedTests.overlaps(all, m.start(), m.end())) {
      all.add(
          new StatementParser.Found(m.start(), m.end(), Expectation.FIXED, subject, true, null));
    }
  }
}
