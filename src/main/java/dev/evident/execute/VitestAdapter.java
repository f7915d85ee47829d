package dev.evident.execute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vitest: its built-in JUnit reporter writes to the scratch directory ({@code --reporter=default
 * --reporter=junit --outputFile.junit=...}, after the subcommand when there is one). When the user
 * names reporters, theirs stay and only the JUnit one is added.
 */
final class VitestAdapter implements RunnerAdapter {

  static final String REPORT = "vitest-junit.xml";

  private static final Set<String> SUBCOMMANDS = Set.of("run", "watch", "dev", "related", "bench");

  /** " Tests 1 failed | 5 passed | 1 skipped (7)", or "Tests no tests". */
  private static final Pattern TESTS = Pattern.compile("^Tests\\s{2,}(.+?)(?:\\s+\\((\\d+)\\))?$");

  private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z]+)");

  /** A file line: " ❯ src/calc.test.ts (4 tests | 1 failed | 1 skipped) 6ms". */
  private static final Pattern FILE_LINE =
      Pattern.compile("^\\s*[✓❯×↓✗√] \\S.*? \\((\\d+) tests?((?: \\| \\d+ [a-z]+)*)\\)(?: .*)?$");

  private static final Pattern FAILED_FILE = Pattern.compile("^FAIL\\s+(\\S+) \\[ .+ ]$");

  @Override
  public String name() {
    return "vitest";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.runs(command, "vitest");
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    Call call = Call.find(command, c -> c.program().equals("vitest")).orElseThrow();
    List<String> args = call.args();
    int at = !args.isEmpty() && SUBCOMMANDS.contains(args.get(0)) ? 1 : 0;
    List<String> options = reporterOptions(args, scratch);
    if (options.isEmpty()) {
      return new Invocation(command, Map.of(), List.of(), false, null, name());
    }
    var results = List.of(new Invocation.ResultLocation(scratch, REPORT));
    return new Invocation(call.insert(at, options), Map.of(), results, false, null, name());
  }

  /** The options that add the JUnit reporter; none when the user already runs it. */
  static List<String> reporterOptions(List<String> args, Path scratch) {
    boolean named = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--reporter")) {
        named = true;
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
        if (value.isEmpty() && i + 1 < args.size()) {
          value = args.get(i + 1);
        }
        if (value.equals("junit")) {
          return List.of();
        }
      }
    }
    var options = new ArrayList<String>();
    if (!named) {
      options.add("--reporter=default");
    }
    options.add("--reporter=junit");
    options.add("--outputFile.junit=" + scratch.resolve(REPORT));
    return options;
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    for (int i = outputTail.size() - 1; i >= 0; i--) {
      String line = Lines.clean(outputTail.get(i)).strip();
      Matcher m = TESTS.matcher(line);
      if (m.matches() && (m.group(2) != null || m.group(1).equals("no tests"))) {
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

  /** File lines carry the file's test count and failures; the test lines under them are skipped. */
  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        Matcher m = FILE_LINE.matcher(line);
        if (m.matches()) {
          long failed = 0;
          Matcher count = COUNT.matcher(m.group(2));
          while (count.find()) {
            failed += count.group(2).equals("failed") ? Long.parseLong(count.group(1)) : 0;
          }
          add(Long.parseLong(m.group(1)), failed);
        }
      }
    };
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).map(String::strip).toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("No test files found")) {
        return Optional.of("no test files found");
      }
      if (line.startsWith("failed to load config") || line.startsWith("Startup Error")) {
        return Optional.of(Lines.cut(line, 300));
      }
      Matcher failed = FAILED_FILE.matcher(line);
      if (failed.matches()) {
        String cause = i + 1 < lines.size() ? lines.get(i + 1) : "";
        return Optional.of(
            "test file failed to load: "
                + failed.group(1)
                + (cause.isEmpty() ? "" : ": " + Lines.cut(cause, 300)));
      }
    }
    return Optional.empty();
  }
}
