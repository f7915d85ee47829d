package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * "10 of the 11 test cases that ran are green", "42 of the 45 specs which were executed passed":
 * the relative clause says which tests the M counts (the executed ones), and the verb after it what
 * the N counts (the passing ones). Without the verb after it ("83 of the 90 tests ran") the N is
 * the executed tests and the M the collected ones.
 */
final class ThatRan {

  /** "that ran", "which were executed": a clause that qualifies the noun before it. */
  private static final Pattern RELATIVE =
      Pattern.compile("^\\s+(?:that|which)\\b", Pattern.CASE_INSENSITIVE);

  /** "are green", "passed", "all pass": what the N of the executed tests did. */
  private static final Pattern PASSED_AFTER =
      Pattern.compile(
          "^\\s*,?\\s*(?:(?:are|were|have|all|now|also)\\s+)*(?:green|pass(?:ed|ing|es)?|succeeded)\\b",
          Pattern.CASE_INSENSITIVE);

  private ThatRan() {}

  /**
   * Whether the status after a noun is a relative clause of running, followed by a pass word.
   *
   * @param status the words from the noun to the status word ("that ran")
   * @param rest what follows the status word (" are green")
   */
  static boolean thenPassed(String status, String rest) {
    return RELATIVE.matcher(status).find() && PASSED_AFTER.matcher(rest).find();
  }
}
