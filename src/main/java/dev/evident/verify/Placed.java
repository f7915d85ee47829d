package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place a sentence puts its counted tests: "Added 2 tests to `CartSummary`", "3 failures in
 * `tests/test_api.py`", "4 skipped specs under `e2e/`". The count is of that file, suite or test
 * only when the place follows the number directly (a noun of tests and a preposition between them),
 * never when it is an example ("12 tests pass, including `test_x`").
 */
final class Placed {

  private static final Pattern PLACED =
      Pattern.compile(
          "(?<![\\w.,/])\\d+\\s+(?:[\\w-]+\\s+){0,2}?(?:tests?|specs?|test\\s+cases?|cases"
              + "|failures|skips|errors)\\s+(?:(?:were|was|are|is|have\\s+been)\\s+)?"
              + "(?:\\w+ed\\s+)?(?:to|in|into|under|inside|of)\\s+(?:the\\s+)?`([^`]+)`",
          Pattern.CASE_INSENSITIVE);

  private Placed() {}

  /** The place named in backticks right after a count of tests, or null. */
  static String in(String text) {
    Matcher m = PLACED.matcher(text);
    if (!m.find()) {
      return null;
    }
    String place = m.group(1).strip();
    return Narrower.in("`" + place + "`").isEmpty() ? null : place;
  }
}
