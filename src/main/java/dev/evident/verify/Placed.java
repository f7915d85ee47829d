package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place a sentence puts its counted tests: "Added 2 tests to `CartSummary`", "3 failures in
 * `tests/test_api.py`", "`test_retry.py` alone had 8 failing tests". The count is of that file,
 * suite or test only when the place is bound to the number (a noun of tests and a preposition
 * between them, or the place as the subject of "has N"), never when it is an example ("12 tests
 * pass, including `test_x`"). The reading is certain only when the sentence has no other number and
 * does not count tests added, fixed or removed there.
 */
final class Placed {

  /** A place, and whether the count is certainly of all of it. */
  record Place(String name, boolean certain) {}

  private static final Pattern AFTER =
      Pattern.compile(
          "(?<![\\w.,/])\\d+\\s+(?:[\\w-]+\\s+){0,2}?(?:tests?|specs?|test\\s+cases?|cases"
              + "|failures|skips|errors)\\s+(?:(?:were|was|are|is|have\\s+been)\\s+)?"
              + "(?:(?:red|green|failing|passing|broken|flaky|skipped|erroring)\\s+)?"
              + "(?:\\w+ed\\s+)?(?:to|in|into|under|inside|of)\\s+(?:the\\s+)?`([^`]+)`",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BEFORE =
      Pattern.compile(
          "`([^`]+)`\\s+(?:(?:alone|only|itself)\\s+)?(?:has|had|have|contains|contained)\\s+"
              + "(?:only\\s+)?\\d+\\s+(?:[\\w-]+\\s+){0,2}?(?:tests?|specs?|test\\s+cases?|failures)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DELTA =
      Pattern.compile(
          "\\b(?:add(?:s|ed|ing)?|new|more|extra|additional|another|fix(?:es|ed)?|wrote|written"
              + "|remov(?:es|ed)|delet(?:es|ed)|introduc(?:es|ed)|moved|migrated)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NUMBER = Pattern.compile("\\d");

  private Placed() {}

  /** The place bound to a count of tests, or null. */
  static Place in(String text) {
    Matcher m = AFTER.matcher(text);
    if (!m.find()) {
      m = BEFORE.matcher(text);
      if (!m.find()) {
        return null;
      }
    }
    String place = m.group(1).strip();
    if (Narrower.in("`" + place + "`").isEmpty()) {
      return null;
    }
    String rest = text.substring(0, m.start()) + text.substring(m.end());
    boolean certain =
        !NUMBER.matcher(rest).find()
            && !DELTA.matcher(text).find()
            && !NUMBER.matcher(place).find();
    return new Place(place, certain);
  }
}
