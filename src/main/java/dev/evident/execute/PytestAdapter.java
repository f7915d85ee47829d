package dev.evident.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest, also as {@code python -m pytest}, {@code uv run pytest}, {@code poetry run pytest}. Adds
 * {@code --junitxml} to a scratch file and {@code -o junit_family=xunit2} right after the program
 * (so a user's {@code --} cannot turn them into paths), and {@link PytestPlugin}, which writes that
 * file more cheaply when pytest loads it; a user's own {@code --junitxml} is read instead, and with
 * {@code -p no:junitxml} nothing is added.
 */
final class PytestAdapter implements RunnerAdapter {

  static final String REPORT = "pytest-junit.xml";
  static final String RUNTIME = "pytest-runtime.txt";

  /**
   * "== 1 failed, 4 passed, 1 skipped in 0.62s ==", without bars under {@code -q}, "in 0.62
   * seconds" before pytest 6.
   */
  private static final Pattern SUMMARY =
      Pattern.compile(
          "^=*\\s*((?:\\d+ [a-z]+(?:, )?)+|no tests ran) in [\\d.]+(?:s| seconds)(?: \\([\\d:]+\\))?\\s*=*$");

  private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z]+)");

  /** Default output: "tests/test_a.py .FsxE.. [ 87%]", or just the characters under -q. */
  private static final Pattern CHARACTERS =
      Pattern.compile("^(?:\\S+\\.py )?([.FEsxX]+)\\s*(?:\\[\\s*\\d+%])?$");

  /** Verbose output: "tests/test_a.py::test_ok PASSED [ 12%]"; xdist puts the word first. */
  private static final Pattern VERBOSE =
      Pattern.compile(
          "^(?:\\S+::\\S.*? (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)(?: \\(.*\\))?\\s*(?:\\[\\s*\\d+%])?"
              + "|\\[gw\\d+] \\[\\s*\\d+%] (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) \\S+::.*)$");

  private static final Pattern COLLECTING = Pattern.compile("ERROR collecting (.+?)[\\s_]*$");

  @Override
  public String name() {
    return "pytest";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, PytestAdapter::isPytest).isPresent();
  }

  private static boolean isPytest(Call call) {
    return call.program().equals("pytest") || call.program().equals("py.test");
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    Call call = Call.find(command, PytestAdapter::isPytest).orElseThrow();
    List<String> args = call.args();
    Optional<String> own = userReport(args);
    if (own.isPresent()) {
      var location = Glob.location(workDir, Glob.slashed(Path.of(own.get())));
      return new Invocation(command, Map.of(), List.of(location), false, null, name());
    }
    if (disablesJunitXml(args)) {
      return new Invocation(command, Map.of(), List.of(), false, null, name());
    }
    Path report = scratch.resolve(REPORT);
    var prepared = call.insert(0, List.of("--junitxml=" + report, "-o", "junit_family=xunit2"));
    var location = new Invocation.ResultLocation(scratch, REPORT);
    Path runtime = scratch.resolve(RUNTIME);
    var environment = PytestPlugin.install(scratch, report, runtime);
    return new Invocation(
        prepared,
        environment,
        List.of(location),
        false,
        null,
        name(),
        environment.isEmpty() ? Map.of() : Map.of("python", runtime));
  }

  private static Optional<String> userReport(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      for (String option : List.of("--junitxml", "--junit-xml")) {
        if (arg.startsWith(option + "=")) {
          return Optional.of(arg.substring(option.length() + 1));
        }
        if (arg.equals(option) && i + 1 < args.size()) {
          return Optional.of(args.get(i + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean disablesJunitXml(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-pno:junitxml")
          || args.get(i).equals("-p")
              && i + 1 < args.size()
              && args.get(i + 1).equals("no:junitxml")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    for (int i = outputTail.size() - 1; i >= 0; i--) {
      String line = Lines.clean(outputTail.get(i)).strip();
      Matcher m = SUMMARY.matcher(line);
      if (m.matches()) {
        return Optional.of(counts(m.group(1), line));
      }
    }
    return Optional.empty();
  }

  /**
   * pytest's words: xfailed counts as skipped and xpassed as passed (as its JUnit XML reports
   * them); deselected tests were not part of the run; warnings and reruns are not tests.
   */
  private static ConsoleSummary counts(String words, String line) {
    long passed = 0;
    long failed = 0;
    long errored = 0;
    long skipped = 0;
    Matcher m = COUNT.matcher(words);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "passed", "xpassed" -> passed += n;
        case "failed" -> failed += n;
        case "error", "errors" -> errored += n;
        case "skipped", "xfailed" -> skipped += n;
        default -> {}
      }
    }
    return new ConsoleSummary(passed, failed, errored, skipped, line);
  }

  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        Matcher verbose = VERBOSE.matcher(line);
        if (verbose.matches()) {
          String word = verbose.group(1) != null ? verbose.group(1) : verbose.group(2);
          add(1, word.equals("FAILED") || word.equals("ERROR") ? 1 : 0);
          return;
        }
        Matcher chars = CHARACTERS.matcher(line.strip());
        if (chars.matches()) {
          String done = chars.group(1);
          long failures = done.chars().filter(c -> c == 'F' || c == 'E').count();
          add(done.length(), failures);
        }
      }
    };
  }

  @Override
  public boolean meansNoTests(int exitCode) {
    // pytest's exit code 5: no tests were collected
    return exitCode == 5;
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).toList();
    String internal = null;
    String collected = null;
    String cause = null;
    int collectionErrors = 0;
    Reason other = null;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      Matcher collecting = COLLECTING.matcher(text);
      if (text.startsWith("INTERNALERROR>")) {
        String rest = text.substring("INTERNALERROR>".length()).strip();
        internal = rest.isEmpty() ? internal : rest;
      } else if (text.startsWith("_") && collecting.find()) {
        collectionErrors++;
        if (collected == null) {
          collected = collecting.group(1);
          cause = collectionCause(lines, i + 1);
        }
      } else {
        Reason reason = otherReason(text);
        if (reason != null && (other == null || reason.rank < other.rank)) {
          other = reason;
        }
      }
    }
    if (internal != null) {
      return Optional.of("pytest internal error: " + Lines.cut(internal, 300));
    }
    if (collected != null) {
      String where =
          collectionErrors > 1
              ? collectionErrors + " collection errors, the first in "
              : "collection error in ";
      return Optional.of(where + collected + (cause == null ? "" : ": " + Lines.cut(cause, 300)));
    }
    return Optional.ofNullable(other).map(Reason::text);
  }

  /** The last "E ..." line of a collection error section: the exception pytest ended with. */
  private static String collectionCause(List<String> lines, int from) {
    String cause = null;
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("___") || line.startsWith("===") || line.startsWith("!!!")) {
        break;
      }
      if (line.startsWith("E ")) {
        cause = line.substring(1).strip();
      } else if (cause == null && line.startsWith("ImportError while importing test module")) {
        cause = line.strip();
      }
    }
    return cause;
  }

  /** A reason and how telling it is: lower ranks win. */
  private record Reason(int rank, String text) {}

  private static Reason otherReason(String text) {
    if (text.startsWith("ERROR: file or directory not found:")) {
      return new Reason(1, text.substring("ERROR: ".length()));
    }
    if (text.contains("error: unrecognized arguments") || text.startsWith("ERROR: usage:")) {
      return new Reason(
          text.startsWith("ERROR: usage:") ? 3 : 2,
          "usage error: " + text.replaceFirst("^ERROR: ", ""));
    }
    if (text.endsWith("No module named pytest")) {
      return new Reason(1, "pytest is not installed for this Python: " + text);
    }
    if (text.startsWith("ImportError while importing test module")
        || text.startsWith("ImportError while loading conftest")) {
      return new Reason(4, "import error: " + Lines.cut(text, 300));
    }
    if (text.matches("^(E\\s+)?(ModuleNotFoundError|SyntaxError|IndentationError): .*")) {
      return new Reason(5, Lines.cut(text.replaceFirst("^E\\s+", ""), 300));
    }
    if (text.contains("Interrupted:") && text.contains("during collection")) {
      return new Reason(
          6, "collection error: " + text.replaceAll("^[!\\s]*Interrupted: |[!\\s]*$", ""));
    }
    if (text.matches("^=*\\s*no tests ran in .*")) {
      return new Reason(7, "no tests ran");
    }
    return null;
  }
}
