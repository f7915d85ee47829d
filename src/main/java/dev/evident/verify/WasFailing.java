package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named test in the past progressive: "`X` was failing because of the allowlist; fixed that" is a
 * fix (it failed in the baseline and passes now), and "`X` was already failing on main" speaks of
 * the baseline run, whatever the latest run says. A plain "`X` was failing" is left as read: the
 * past may be the latest run's, told afterwards.
 */
final class WasFailing {

  /** "was failing", "were already broken": the past of a test's failure. */
  private static final Pattern WAS =
      Pattern.compile(
          "\\b(?:was|were)\\s+(?:already\\s+)?(?:failing|broken|red)\\b", Pattern.CASE_INSENSITIVE);

  /** "; fixed that", ", and now passes", "but passes now": the same sentence says it is fixed. */
  private static final Pattern FIXED_AFTER =
      Pattern.compile(
          "^[^.]{0,80}?(?:[,;]\\s*|\\s+(?:and|but|so)\\s+)(?:(?:I|we|that|this|it|is|has|have|been"
              + "|now)\\s+)*(?:fixed|pass(?:es|ing)\\s+now|now\\s+pass(?:es|ing))\\b",
          Pattern.CASE_INSENSITIVE);

  private WasFailing() {}

  /**
   * FIXED for "`X` was failing ...; fixed that", else the expectation as read.
   *
   * @param read the expectation of the verb
   * @param statement the test and its verb as matched ("`X` was failing")
   * @param rest what follows in the sentence
   */
  static Expectation named(Expectation read, String statement, String rest) {
    return read == Expectation.FAIL
            && WAS.matcher(statement).find()
            && FIXED_AFTER.matcher(rest).find()
        ? Expectation.FIXED
        : read;
  }

  /** Whether a claim says its named test was already failing: a claim of the baseline run. */
  static boolean already(Claim c) {
    if (c.kind() != ClaimKind.NAMED
        || c.expectation() != Expectation.FAIL
        || c.subject().isEmpty()
        || c.subject().contains(", ")) {
      return false;
    }
    Matcher m =
        Pattern.compile(
                "`?"
                    + Pattern.quote(c.subject())
                    + "`?\\s+(?:was|were)\\s+already\\s+(?:failing|failed|broken|red)\\b",
                Pattern.CASE_INSENSITIVE)
            .matcher(c.text());
    return m.find();
  }
}
