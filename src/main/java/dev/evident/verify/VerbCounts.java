package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a named group of tests states of itself with a verb: "`InvoiceTests` passes 12/12",
 * "internal/store passes all 34 of its tests", "t/04-failover.t passed 7 of 7", "The parser passed
 * 7 of its 7 tests", "AuditLogTests now runs all 14 of its tests", "`internal/api` is 15/16",
 * "Reconciliation is 4/6", "billing stayed at 12/12" (passing of all). The subject is the class,
 * file or package right before the verb (with a clause between commas allowed); a pronoun ("It now
 * passes 40 of 42") names nothing and is left alone.
 */
final class VerbCounts {

  private static final String SUBJECT =
      "(?<subject>`[^`\\s]+`|(?<![\\w./-])[A-Za-z][\\w.]*(?:Test|Tests|Spec|IT)(?![\\w/.])"
          + "|(?<![\\w./-])[\\w-]+/[\\w./-]*\\w)";

  private static final Pattern COUNT =
      Pattern.compile(
          "(?:^[^\\w`]*(?:[Tt]he\\s+)?(?<word>[A-Za-z][a-z]+)(?:\\s+(?:suite|package|module|file))?|"
              + SUBJECT
              + ")(?:,[^,]{1,80},)?\\s+(?:(?:now|still|also)\\s+)?(?<verb>passes|passed|runs|ran)\\s+"
              + "(?:(?:all\\s+)?(?<n>\\d+)\\s*(?:/|of|out\\s+of)\\s*(?:its\\s+)?(?<m>\\d+)"
              + "(?![\\d%/]|\\.\\d)|all\\s+(?<k>\\d+)\\s+of\\s+its\\s+tests\\b)");

  /**
   * "`internal/api` is 15/16", "`internal/raft` is back to 38/38", "`CartTests` is 4 of 5": passing
   * of its tests.
   */
  private static final Pattern IS =
      Pattern.compile(
          "(?:^[^\\w`]*(?:[Tt]he\\s+)?(?<word>[A-Za-z][a-z]+)(?:\\s+(?:category|suite|package|module))?|"
              + SUBJECT
              + ")\\s+(?:is|are)\\s+(?:(?:now|still|back|at|to|again)\\s+){0,2}"
              + "(?<n>\\d+)\\s*(?:/|\\s(?:out\\s+)?of\\s)\\s*(?<m>\\d+)(?![\\d%/]|\\.\\d)");

  /**
   * "billing stayed at 12/12 in both runs", "t/01-config.t was untouched and stayed at 8/8",
   * "`AuthTests` remains at 9/9": passing of its tests, as of now too.
   */
  private static final Pattern STAYS =
      Pattern.compile(
          "(?:^[^\\w`]*(?:[Tt]he\\s+)?(?<word>[A-Za-z][a-z]+)(?:\\s+(?:category|suite|package|module))?|"
              + SUBJECT
              + ")(?:\\s+(?:was|were|is|are)\\s+[^,.;:\\d]{1,60}?\\s+and)?\\s+(?:(?:has|have)\\s+)?"
              + "(?:stayed|stays|remained|remains)\\s+(?:(?:at|on)\\s+)?"
              + "(?<n>\\d+)\\s*/\\s*(?<m>\\d+)(?![\\d%/]|\\.\\d)");

  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?i)it|this|that|everything|all|total|overall|ci|build|score|rate|result|we|they|which"
              + "|what|there|here|coverage");

  private VerbCounts() {}

  /**
   * The claim of a sentence in which nothing else was found: new tests, fixes and regressions,
   * tests added by name, a count of a named group with a verb, a count over a history of runs, a
   * difference from an earlier run, or a metric; or null.
   */
  static Claim orOther(int line, String s, boolean temporal) {
    Claim other = NewTests.read(line, s, temporal);
    other = other != null ? other : FixCounts.read(line, s, temporal);
    other = other != null ? other : AddedNames.read(line, s, temporal);
    other = other != null ? other : read(line, s, temporal);
    other = other != null ? other : History.read(line, s, temporal);
    other = other != null ? other : EveryPartGains.read(line, s, temporal);
    other = other != null ? other : StatedGains.read(line, s, temporal);
    return other != null ? other : Metrics.read(line, s, s.strip(), temporal);
  }

  /** The claim of a sentence that counts a named group's tests with a verb, or null. */
  static Claim read(int line, String s, boolean temporal) {
    Matcher m = COUNT.matcher(s);
    if (!m.find()) {
      m = IS.matcher(s);
      if (!m.find()) {
        m = STAYS.matcher(s);
        if (!m.find()) {
          return null;
        }
      }
    }
    if (Plans.isPlanned(s, m.start(), m.end())) {
      return null;
    }
    boolean passes = m.pattern() != COUNT || m.group("verb").startsWith("pass");
    Measure done = passes ? Measure.PASSING : Measure.EXECUTED;
    List<Quantity> stated =
        m.pattern() == COUNT && m.group("k") != null
            ? List.of(
                Quantity.exact(done, Double.parseDouble(m.group("k"))),
                Quantity.exact(
                    passes ? Measure.TESTS : Measure.COLLECTED, Double.parseDouble(m.group("k"))))
            : List.of(
                Quantity.exact(done, Double.parseDouble(m.group("n"))),
                Quantity.exact(Measure.TESTS, Double.parseDouble(m.group("m"))));
    String subject =
        m.group("subject") != null ? m.group("subject").replace("`", "") : m.group("word");
    if (NOT_A_NAME.matcher(subject).matches()
        || Subjects.isGeneric(subject.toLowerCase(java.util.Locale.ROOT))) {
      return null; // "It is 12/12", "Everything is 40/40": no group named
    }
    return new Claim(
        line, s.strip(), ClaimKind.NAMED, subject, stated, List.of(), null, null, temporal);
  }
}
