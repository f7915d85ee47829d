package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject of a sentence's claims, for {@link ClaimExtractor}: what its own words name (a label,
 * a leading test, class or file, the words before its noun, an identifier it counts in), else the
 * subject its headings imply.
 */
final class SentenceSubjects {

  private static final Pattern LABEL = Pattern.compile("^([^:]{1,80}?):\\s");

  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "\\b(?:in|for|of|from|under)\\s+(`[^`\\s]+`|[\\w./-]+\\.(?:py|java|kt|ts|js|go|rb|rs|cs)\\b"
              + "|[A-Z]\\w*(?:Test|Tests|Spec|IT)\\b)");

  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

  /**
   * A test, class or file named first in a sentence is what it is about ("`ExporterTest` 12/12",
   * "tests/test_api.py has 3 failures"): a backticked name that looks like a test or a file, or a
   * test-like identifier.
   */
  private static final Pattern LEADING_IDENTIFIER =
      Pattern.compile(
          "^[^\\p{L}\\p{N}`]*(?:`(?<code>[^`\\s]*(?:[Tt]est|[Ss]pec|IT\\b|[/:.])[^`\\s]*)`"
              + "|(?<id>[\\w./-]+\\.(?:py|java|kt|ts|js|go|rb|rs|cs)|[A-Z]\\w*(?:Test|Tests|Spec|IT)"
              + "|test_\\w+))(?![\\w`])");

  /** A test runner's name ("`pytest` collected 70 tests"): the whole run, not a subject. */
  private static final Pattern RUNNER =
      Pattern.compile(
          "(?i)py\\.?test|jest|vitest|mocha|rspec|phpunit|testng|junit\\d*|ctest|nextest|gotestsum");

  /**
   * "API suites account for 39 tests", "Unit tests have 3 failures": the words before the noun of
   * the sentence's subject name what it counts.
   */
  private static final Pattern LEADING_NOUN =
      Pattern.compile(
          "^[^\\p{L}\\p{N}]*(?<q>(?:[\\w-]+\\s+){0,2}?[\\w-]+)\\s+(?:tests|suites?|specs"
              + "|test\\s+classes|test\\s+files)\\s+(?:account\\s+for|have|has|had|contain|contains"
              + "|include|includes|total|make\\s+up|number|cover|ran|run)\\b",
          Pattern.CASE_INSENSITIVE);

  private SentenceSubjects() {}

  /** A claim's subject, and whether it is implied (see {@link Claim#implied()}). */
  record Subject(String name, boolean implied) {}

  /**
   * The subject a sentence names for its counts: its label, an identifier, or (implied) its
   * heading. A heading's own claims ("## Results: 14/18 passing") take their label, or else the
   * headings above.
   */
  static Subject of(TextBlock block, String s, boolean first) {
    boolean heading = block.kind() == TextBlock.Kind.HEADING;
    boolean labelled = false;
    if (first || heading) {
      Matcher label = LABEL.matcher(s.strip());
      if (label.find() && !label.group(1).matches(".*\\d.*[:]?")) {
        labelled = true;
        String named = Subjects.ofLabel(label.group(1));
        if (!named.isEmpty()) {
          return new Subject(named, false);
        }
      }
    }
    if (heading && !labelled) {
      return new Subject(Subjects.ofHeading(s), true);
    }
    Matcher lead = LEADING_IDENTIFIER.matcher(s.strip());
    if (lead.find()
        && (lead.group("code") == null || !RUNNER.matcher(lead.group("code")).matches())) {
      return new Subject(lead.group("code") != null ? lead.group("code") : lead.group("id"), false);
    }
    Matcher noun = LEADING_NOUN.matcher(s.strip());
    if (noun.find() && !noun.group("q").matches(".*\\d.*")) {
      String q = Subjects.ofLabel(noun.group("q"));
      if (!q.isEmpty()) {
        return new Subject(q, false);
      }
    }
    // An identifier in parentheses says where some of the tests are ("4 skipped (all in
    // LegacyIT)"), not what the sentence counts.
    Matcher id =
        IDENTIFIER.matcher(PARENTHESES.matcher(s).replaceAll(m -> " ".repeat(m.group().length())));
    if (id.find()) {
      return new Subject(id.group(1).replace("`", ""), false);
    }
    return new Subject(
        heading ? block.section().parent().subject() : block.section().subject(), true);
  }
}
