package dev.evident.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a report gives its runs ("We ran the suite on the prototype branch", "in the cutover
 * build"): a claim whose subject is one of them alone ("Prototype: 35 tests, 33 passed") is about
 * that run, so its subject becomes the name with the report's own word for it ("Prototype branch"),
 * which {@link RunNames} reads as a run. Only the report's wording ties a name to a run: a name it
 * never uses so keeps its subject.
 */
final class ReportRuns {

  private static final Pattern TIED =
      Pattern.compile(
          "\\b(?:on|in|from|for|of)\\s+(?:the\\s+)?`?(?<name>[A-Za-z][\\w.-]*)`?\\s+"
              + "(?<word>branch|build|nightly|run)\\b");

  /** Words before "branch" or "run" that are no name of one, or name the base branch. */
  private static final Pattern NOT_NAMES =
      Pattern.compile(
          "main|master|trunk|develop|same|next|last|previous|first|second|this|that|each|every"
              + "|whole|full|entire|one|other|test|nightly");

  /** "The full end-to-end suite: ...": a label that names all the tests, by a word for them. */
  private static final Pattern WHOLE_SUITE =
      Pattern.compile(
          "^\\W*(?:the\\s+)?(?:full|whole|entire|complete)\\s+(?<name>[\\w-]+)\\s+(?:test\\s+)?suite\\b",
          Pattern.CASE_INSENSITIVE);

  /** "The full suite is green": read with the subject "full". */
  private static final Pattern FULL = Pattern.compile("(?i)^(?:full|whole|entire|complete)$");

  private ReportRuns() {}

  private static boolean full(Claim c) {
    return FULL.matcher(c.subject().strip()).matches()
        && c.text()
            .toLowerCase(Locale.ROOT)
            .contains(c.subject().strip().toLowerCase(Locale.ROOT) + " suite");
  }

  /** The claims, each whose subject is a run name of the report written as a run. */
  static List<Claim> tie(String markdown, List<Claim> claims) {
    Map<String, String> names = new HashMap<>();
    Matcher m = TIED.matcher(markdown);
    while (m.find()) {
      String name = m.group("name").toLowerCase(Locale.ROOT);
      if (!Subjects.isGeneric(name) && !NOT_NAMES.matcher(name).matches()) {
        names.putIfAbsent(name, m.group("word"));
      }
    }
    if (names.isEmpty() && !markdown.toLowerCase(Locale.ROOT).contains(" suite")) {
      return claims;
    }
    List<Claim> out = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      String s = c.subject().strip().replace("`", "").replaceFirst("(?i)^the\\s+", "");
      String word = names.get(s.toLowerCase(Locale.ROOT));
      Matcher whole = WHOLE_SUITE.matcher(c.text());
      if (word == null && (whole.find() && whole.group("name").equalsIgnoreCase(s) || full(c))) {
        s = "full"; // "The full end-to-end suite: 26 of 27 passed": every test of the run
        word = "suite";
      }
      if (word == null || c.kind() == ClaimKind.TABLE) {
        out.add(c);
        continue;
      }
      out.add(
          new Claim(
              c.line(),
              c.text(),
              c.kind(),
              s + " " + word,
              c.stated(),
              c.before(),
              c.expectation(),
              c.factor(),
              c.temporal(),
              c.implied()));
    }
    return out;
  }
}
