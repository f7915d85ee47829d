package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command that runs the whole suite, said to be green: "`go test ./...` green on CI", "`npm
 * test` passes", "`cargo test` is all green". A claim that every test of the run passed. A command
 * with a path or a filter ("`pytest tests/api`") runs a part, and is left out.
 */
final class CommandGreen {

  /** A test command with no argument but flags and "all packages" ("./...", "//..."). */
  private static final Pattern COMMAND_GREEN =
      Pattern.compile(
          "`(?:go\\s+test|cargo\\s+(?:nextest\\s+run|test)|npm\\s+(?:run\\s+)?test|yarn\\s+test"
              + "|pnpm\\s+(?:run\\s+)?test|pytest|tox|mvn\\s+(?:test|verify)|\\./mvnw\\s+(?:test|verify)"
              + "|gradle\\s+test|\\./gradlew\\s+test|dotnet\\s+test|ctest|make\\s+(?:test|check)"
              + "|bazel\\s+test)(?:\\s+(?:-[\\w=.-]+|\\./\\.\\.\\.|//\\.\\.\\.|\\.))*`"
              + "\\s+(?:(?:is|was|runs?|ran|now|all|fully)\\s+)*(?:green|pass(?:es|ing|ed)?)\\b",
          Pattern.CASE_INSENSITIVE);

  private CommandGreen() {}

  /** Adds the claim of "`go test ./...` green" to {@code all} where nothing else stands. */
  static void add(List<StatementParser.Found> all, String s) {
    Matcher m = COMMAND_GREEN.matcher(s);
    while (m.find()) {
      if (!NamedTests.overlaps(all, m.start(), m.end())) {
        all.add(new StatementParser.Found(m.start(), m.end(), Expectation.PASS, "", false, null));
      }
    }
  }
}
