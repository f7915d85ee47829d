package dev.evident.execute;

import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cargo test}. libtest has no machine-readable output on stable Rust (its JSON format needs
 * {@code -Z unstable-options}), so the command runs unchanged and everything comes from the
 * console: per-test lines ("test tests::adds ... ok") become results ({@link #testsFromOutput}),
 * and the "test result:" lines of all test binaries give the counts.
 */
final class CargoTestAdapter implements RunnerAdapter {

  /** "test result: FAILED. 3 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; ...". */
  private static final Pattern RESULT =
      Pattern.compile(
          "^test result: (?:ok|FAILED)\\. (\\d+) passed; (\\d+) failed; (\\d+) ignored;.*$");

  /** Quiet mode ({@code -q}) prints one character per test: . ok, F failed, i ignored. */
  private static final Pattern TERSE = Pattern.compile("^([.Fi]+)(?: \\d+/\\d+)?$");

  private static final Pattern COMPILE_ERROR = Pattern.compile("^error(?:\\[E\\d+])?: .+");

  @Override
  public String name() {
    return "cargo";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(
            command, c -> c.program().equals("cargo") && subcommand(c.args()).matches("test|t"))
        .isPresent();
  }

  /** Cargo's subcommand, past {@code +toolchain} and global options. */
  static String subcommand(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-Z") || arg.equals("--config") || arg.equals("-C") || arg.equals("--color")) {
        i++;
      } else if (!arg.startsWith("-") && !arg.startsWith("+")) {
        return arg;
      }
    }
    return "";
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    return new Invocation(command, Map.of(), List.of(), false, null, name());
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    long passed = 0;
    long failed = 0;
    long ignored = 0;
    int binaries = 0;
    String last = null;
    for (String raw : outputTail) {
      String line = Lines.clean(raw).strip();
      Matcher m = RESULT.matcher(line);
      if (m.matches()) {
        passed += Long.parseLong(m.group(1));
        failed += Long.parseLong(m.group(2));
        ignored += Long.parseLong(m.group(3));
        binaries++;
        last = line;
      }
    }
    if (binaries == 0) {
      return Optional.empty();
    }
    String line =
        binaries == 1
            ? last
            : binaries + " test binaries' result lines added up, the last: " + last;
    return Optional.of(new ConsoleSummary(passed, failed, 0, ignored, line));
  }

  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        var test = LibtestOutput.TEST.matcher(line);
        if (test.matches()) {
          add(1, test.group(2).equals("FAILED") ? 1 : 0);
          return;
        }
        Matcher terse = TERSE.matcher(line);
        if (terse.matches()) {
          add(terse.group(1).length(), terse.group(1).chars().filter(c -> c == 'F').count());
        }
      }
    };
  }

  @Override
  public List<TestResult> testsFromOutput(List<String> lines) {
    var output = new LibtestOutput();
    lines.forEach(output::line);
    return output.tests();
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    return whyCargoBroke(outputTail);
  }

  /**
   * Compile errors (the first "error[E0425]: ..." with its "--> file:line:col"), a crashed test
   * binary, else cargo's first own error line. "error: test failed" means tests ran.
   */
  static Optional<String> whyCargoBroke(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).toList();
    String crash = null;
    String other = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("error[E")) {
        String where = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
        String at = where.startsWith("--> ") ? " at " + where.substring(4) : "";
        return Optional.of("compile error: " + Lines.cut(line, 300) + at);
      }
      if (crash == null
          && line.contains("process didn't exit successfully")
          && line.contains("signal")) {
        crash = "a test binary crashed: " + Lines.cut(line.replaceFirst("^error: ", ""), 300);
      }
      if (other == null
          && COMPILE_ERROR.matcher(line).matches()
          && !line.startsWith("error: test failed")
          && !line.matches("error: \\d+ targets? failed.*")) {
        other = line;
      }
    }
    if (crash != null) {
      return Optional.of(crash);
    }
    if (other == null) {
      return Optional.empty();
    }
    if (other.startsWith("error: could not compile")) {
      return Optional.of("compile error: " + Lines.cut(other.substring(7), 300));
    }
    return Optional.of(Lines.cut(other.substring(other.indexOf(": ") + 2), 300));
  }
}
