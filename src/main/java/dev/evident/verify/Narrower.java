package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The narrower groups of tests a sentence or heading names besides its subject: identifiers in
 * backticks, test classes and files, paths, and qualified test nouns ("export tests", "API suite").
 * A claim checked against the whole run while its words name such a group may be about that group
 * only, so it is never CONTRADICTED unless the group resolves to the whole run: a false
 * contradiction is the worst error.
 */
final class Narrower {

  private static final Pattern LABEL = Pattern.compile("^[^\\w`]*([^:]{1,40}?):\\s");

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "(?<![\\w/.])(?:[A-Z]\\w*(?:Test|Tests|Spec|IT)|test_\\w+|(?:(?:tests?|src|spec|specs|internal|cmd|pkg|lib|app|apps|packages|modules|e2e|it)/[\\w.-]+(?:/[\\w.-]+)*/?|[A-Za-z_.][\\w.-]*(?:/[\\w.-]+){2,}/?|[A-Za-z_.][\\w.-]*/[\\w.-]+/)"
              + "|[\\w-]+\\.(?:py|java|kt|ts|tsx|js|jsx|go|rb|rs|cs)"
              + "|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+|[a-z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)(?![\\w/])");

  /** Names in CamelCase that are products, not groups of tests. */
  private static final Set<String> PRODUCTS =
      Set.of(
          "GitHub",
          "GitLab",
          "JavaScript",
          "TypeScript",
          "PowerShell",
          "BitBucket",
          "CircleCi",
          "TeamCity",
          "SonarQube",
          "CodeCov",
          "DockerHub",
          "MacBook",
          "PagerDuty",
          "OpenApi",
          "GraphQl",
          "LinkedIn",
          "YouTube",
          "WebSocket",
          "WebSockets",
          "PullRequest",
          "DevOps");

  /** "The lexer (20 tests)": a word its count in brackets belongs to. */
  private static final Pattern COUNTED =
      Pattern.compile(
          "(?<![\\w-])([A-Za-z][\\w.-]*)\\s+\\(\\s*\\d+\\s+(?i:tests?|specs?|cases|checks)\\s*\\)");

  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w-])([A-Za-z][\\w-]*)\\s+(?i:tests?|test\\s+suites?|suites?|specs?|test\\s+files?"
              + "|test\\s+cases|cases|pass\\s+rate"
              + "|success\\s+rate|failures)\\b"
              + "(?!\\s+(?i:reports?|results?|summary|status|runs?|plan|update|coverage|matrix"
              + "|strategy|infrastructure|framework|harness|pipeline|environment|output|logs?))");

  /** Words before "tests" that qualify without naming a group. */
  private static final Set<String> PLAIN =
      Set.of(
          ("regression all the these those our any no more fewer new of in other remaining total "
                  + "existing additional executed collected passing passed failing failed skipped "
                  + "errored flaky broken green red unit-level every each some many few and or ran "
                  + "run selected real actual automated full whole entire test both two three four "
                  + "five ten several individual are were is was with without not zero previously "
                  + "now still also only just then that which a an its their them by for to from on "
                  + "at as than out but except nothing none created written added overall current "
                  + "own same different distinct unique pass fail skip whose ")
              .strip()
              .split(" "));

  /** The word right before a change verb: "core grew from 40 to 42 tests". */
  private static final Pattern CHANGED =
      Pattern.compile(
          "\\b([A-Za-z][\\w-]*)\\s+(?:grew|shrank|went|rose|fell|dropped|increased|decreased"
              + "|jumped|climbed)\\s+(?:from\\s+)?\\d");

  /**
   * The word or path a sentence opens with, right before an outcome verb and its number: "The
   * parser passed 7 of its 7 tests", "t/01-config.t passed 6 of 6 tests".
   */
  private static final Pattern OPENING =
      Pattern.compile(
          "^[^\\w`]*(?:[Tt]he\\s+)?([A-Za-z][\\w-]*|[\\w.-]+(?:/[\\w.-]+)+)`?\\s+(?:passed|passes|failed"
              + "|fails|ran|runs"
              + "|skipped|skips)\\s+(?:only\\s+|just\\s+|all\\s+)?\\d");

  /** Words before a change verb that name no group of tests. */
  private static final Set<String> NOT_GROUPS =
      Set.of(
          "suite",
          "suites",
          "tests",
          "count",
          "counts",
          "number",
          "rate",
          "coverage",
          "it",
          "this",
          "they",
          "we",
          "everything",
          "errors",
          "failures",
          "passes",
          "skips",
          "time",
          "duration",
          "size",
          "run",
          "runs",
          "build",
          "total",
          "totals");

  /** Commands in backticks ("`pytest -q`", "`mvn verify`"): how the run was made, not a group. */
  private static final Pattern COMMAND =
      Pattern.compile(
          "^(?:pytest|python|py\\.test|npm|npx|yarn|pnpm|jest|vitest|mvn|\\./mvnw|mvnw|gradle"
              + "|\\./gradlew|gradlew|go|cargo|dotnet|make|tox|nox|bundle|rspec|bazel|ctest"
              + "|evident|ant|sbt|node|deno|bun)\\b.*",
          Pattern.CASE_INSENSITIVE);

  private Narrower() {}

  /**
   * The one group a sentence names before its first number ("Pricing tests went from 9/14 to
   * 14/14", "web pass rate went from 96.7% to 86.7%"): what its numbers count when the sentence
   * names no subject otherwise; null when it names none, several, or only after a number.
   */
  static String leading(String text) {
    List<String> groups = in(text);
    if (groups.size() != 1) {
      return null;
    }
    String group = groups.get(0);
    int at = text.indexOf(group);
    Matcher digit = FIRST_DIGIT.matcher(text);
    return at >= 0 && (!digit.find() || at < digit.start()) ? group : null;
  }

  private static final Pattern FIRST_DIGIT = Pattern.compile("\\d");

  /** Words before a fraction that name a time or a run, not a group: "Monday 48/50". */
  private static final Pattern TIMES =
      Pattern.compile(
          "(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?"
              + "|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?"
              + "|dec(?:ember)?|yesterday|tonight|nightly|main|master|trunk|pr|mr|ci|baseline"
              + "|release|sprint|milestone|score|target|goal|before|after|was|is|now|then|so|far");

  /** "ProductGrid 16/16", "`cli` 9/9 ✅": a name right before the fraction it counts. */
  private static final Pattern NAMING =
      Pattern.compile("^[^\\w`]*`?([A-Za-z](?:[\\w.:/-]*\\w)?)`?\\s+\\d+\\s*/\\s*\\d+(?![\\w/.%])");

  /**
   * The name a sentence opens with, right before its fraction ("filters 11/11 ✅"): what the
   * fraction counts, without doubt; null when the sentence does not open so, or with a word that
   * names no group ("Suite 48/50", "Passing 48/50", "Today 48/50").
   */
  static String naming(String text) {
    Matcher m = NAMING.matcher(text);
    if (!m.find()) {
      return null;
    }
    String w = m.group(1);
    String lower = w.toLowerCase(Locale.ROOT);
    boolean plain =
        TIMES.matcher(lower).matches()
            || PLAIN.contains(lower)
            || NOT_GROUPS.contains(lower)
            || Subjects.isGeneric(lower)
            || Measure.ofWord(lower) != null
            || COMMAND.matcher(w).matches();
    return plain ? null : w;
  }

  /** The groups a sentence or heading names, in order, without repeats. */
  static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    Matcher code = CODE.matcher(text);
    while (code.find()) {
      String c = code.group(1).strip();
      if (!COMMAND.matcher(c).matches()
          && !c.matches("[\\d.,%\\s]*|(?i)main|master|trunk|develop|head|origin/.*")
          && !RunNames.names(c)
          && !found.contains(c)) {
        found.add(c);
      }
    }
    // "**e2e:** 2 passed": a label that names something ("Sprint 23:", "Week 47:" name a time).
    Matcher label = LABEL.matcher(ChatLines.withoutSpeaker(text).strip());
    if (label.find()) {
      String l = label.group(1).strip();
      String named = Subjects.ofLabel(l);
      if (!named.isEmpty()
          && !l.matches("(?i)[a-z]+\\s+\\d+")
          && !l.matches("\\d.*") // "42 tests: 40 passing": a count, not a name
          && !COMMAND.matcher(l.replace("`", "")).matches()
          && !found.contains(named)) {
        found.add(named);
      }
    }
    String rest = CODE.matcher(text).replaceAll(" ");
    Matcher id = IDENTIFIER.matcher(rest);
    while (id.find()) {
      if (!found.contains(id.group())
          && !id.group().matches(".*\\d+/\\d+.*")
          && !PRODUCTS.contains(id.group())) {
        found.add(id.group());
      }
    }
    groupWords(CHANGED.matcher(rest), found);
    Matcher opening = OPENING.matcher(rest);
    if (opening.find()
        && !TIMES.matcher(opening.group(1).toLowerCase(Locale.ROOT)).matches()
        && !RunNames.names(opening.group(1))) {
      groupWords(opening.reset(), found);
    }
    groupWords(COUNTED.matcher(rest), found);
    Matcher q = QUALIFIED.matcher(rest);
    while (q.find()) {
      String w = q.group(1);
      if (!PLAIN.contains(w.toLowerCase(Locale.ROOT))
          && !w.matches("\\d.*")
          && Measure.ofWord(w.toLowerCase(Locale.ROOT)) == null
          && !found.contains(w)) {
        found.add(w);
      }
    }
    return found;
  }

  /** Adds each word {@code words} finds (its group 1) that can name a group of tests. */
  private static void groupWords(Matcher words, List<String> found) {
    while (words.find()) {
      String w = words.group(1);
      String lower = w.toLowerCase(Locale.ROOT);
      if (!PLAIN.contains(lower)
          && !NOT_GROUPS.contains(lower)
          && !Subjects.isGeneric(lower)
          && Measure.ofWord(lower) == null
          && !found.contains(w)) {
        found.add(w);
      }
    }
  }
}
