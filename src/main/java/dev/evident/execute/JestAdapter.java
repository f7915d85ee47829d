package dev.evident.execute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jest. Jest writes no format Evident reads by itself (its {@code --json} is its own shape), so:
 *
 * <ul>
 *   <li>when the project has {@code jest-junit} installed ({@code node_modules/jest-junit} in the
 *       work dir or a parent, as Node resolves it), the command gets {@code --reporters=default
 *       --reporters=jest-junit} (only {@code --reporters=jest-junit} when the user already names
 *       reporters) and jest-junit's environment variables (which win over its other settings) send
 *       the XML to the scratch directory, with the test file as suite, jest-junit's default test
 *       name ("describe blocks and title"), and suites that fail to load reported as errors.
 *       Command-line reporters replace those of the Jest config for this run;
 *   <li>otherwise the command runs unchanged and the counts come from Jest's console summary
 *       ("Tests: 1 failed, 2 skipped, 10 passed, 13 total"), without test names.
 * </ul>
 *
 * Test names without jest-junit would need a reader for Jest's own {@code --json} output in the
 * formats package; there is none yet.
 */
final class JestAdapter implements RunnerAdapter {

  static final String REPORT = "jest-junit.xml";

  /** "Tests: 1 failed, 2 skipped, 1 todo, 10 passed, 14 total". */
  private static final Pattern TESTS = Pattern.compile("^Tests:\\s+(.*\\d+ total)\\s*$");

  private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z]+)");

  /** Verbose test lines: ✓/√ passed, ✕/× failed, ○ skipped, ✎ todo. */
  private static final Pattern TEST_LINE = Pattern.compile("^\\s+([✓√✕×○✎]) \\S.*$");

  @Override
  public String name() {
    return "jest";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.runs(command, "jest");
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    Call call = Call.find(command, c -> c.program().equals("jest")).orElseThrow();
    if (!hasJestJunit(workDir)) {
      return new Invocation(command, Map.of(), List.of(), false, null, name());
    }
    return junit(call.insert(0, reporterOptions(call.args())), scratch, name());
  }

  /**
   * The reporter options to add: Jest's default reporter and jest-junit, only jest-junit when the
   * user names reporters (theirs stay), none when the user already runs jest-junit.
   */
  static List<String> reporterOptions(List<String> args) {
    boolean named = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--reporters")) {
        named = true;
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
        if (value.isEmpty() && i + 1 < args.size()) {
          value = args.get(i + 1);
        }
        if (value.contains("jest-junit")) {
          return List.of();
        }
      }
    }
    return named
        ? List.of("--reporters=jest-junit")
        : List.of("--reporters=default", "--reporters=jest-junit");
  }

  /** An invocation that reads jest-junit's report from {@code scratch}. */
  static Invocation junit(List<String> command, Path scratch, String adapter) {
    var environment =
        Map.of(
            "JEST_JUNIT_OUTPUT_DIR",
            scratch.toString(),
            "JEST_JUNIT_OUTPUT_NAME",
            REPORT,
            "JEST_JUNIT_CLASSNAME",
            "{filepath}",
            "JEST_JUNIT_REPORT_TEST_SUITE_ERRORS",
            "true");
    var results = List.of(new Invocation.ResultLocation(scratch, REPORT));
    return new Invocation(command, environment, results, false, null, adapter);
  }

  static boolean hasJestJunit(Path workDir) {
    for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("node_modules/jest-junit/package.json"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    for (int i = outputTail.size() - 1; i >= 0; i--) {
      String line = Lines.clean(outputTail.get(i)).strip();
      Matcher m = TESTS.matcher(line);
      if (m.matches()) {
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        Matcher count = COUNT.matcher(m.group(1));
        while (count.find()) {
          long n = Long.parseLong(count.group(1));
          switch (count.group(2)) {
            case "passed" -> passed += n;
            case "failed" -> failed += n;
            case "skipped", "todo" -> skipped += n;
            default -> {}
          }
        }
        return Optional.of(new ConsoleSummary(passed, failed, 0, skipped, line));
      }
    }
    return Optional.empty();
  }

  /**
   * Jest names each test only in verbose mode (the default when one test file runs); with several
   * files it prints "PASS file" lines without counts, and the progress stays at zero.
   */
  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        Matcher m = TEST_LINE.matcher(line);
        if (m.matches()) {
          String mark = m.group(1);
          add(1, mark.equals("✕") || mark.equals("×") ? 1 : 0);
        }
      }
    };
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).map(String::strip).toList();
    String file = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("FAIL ")) {
        file = line.substring(5).strip();
      }
      if (line.equals("● Test suite failed to run")) {
        String cause = nextText(lines, i + 1);
        int failed =
            (int) lines.stream().filter(l -> l.equals("● Test suite failed to run")).count();
        String what =
            failed > 1
                ? failed + " test suites failed to run, the first "
                : "test suite failed to run";
        return Optional.of(
            what
                + (file == null ? "" : " " + file)
                + (cause == null ? "" : ": " + Lines.cut(cause, 300)));
      }
      if (line.startsWith("No tests found")) {
        return Optional.of("no tests found");
      }
    }
    return Optional.empty();
  }

  private static String nextText(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        return lines.get(i);
      }
    }
    return null;
  }
}
