package dev.evident.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go test}: adds {@code -json} right after {@code test} (unless present), and the caller
 * reads standard output as the result stream. Inside a script whose {@code go test} pipes into
 * another program ({@code | go-junit-report}), the command is left alone, since that program
 * expects go's plain output; then only the console summary is available.
 */
final class GoAdapter implements RunnerAdapter {

  /** One test2json event that ends a test: Go writes these compactly, keys in this order. */
  private static final Pattern EVENT =
      Pattern.compile("^\\{.*\"Action\":\"(pass|fail|skip)\",.*\"Test\":\"");

  private static final Pattern PLAIN = Pattern.compile("^\\s*--- (PASS|FAIL|SKIP): ");
  private static final Pattern OUTPUT = Pattern.compile("\"Output\":\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SOURCE_ERROR = Pattern.compile("^\\S+\\.go:\\d+(?::\\d+)?: .+");

  @Override
  public String name() {
    return "go";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, GoAdapter::isGoTest).isPresent();
  }

  private static boolean isGoTest(Call call) {
    return call.program().equals("go") && testIndex(call.args()) >= 0;
  }

  /** Where "test" is in go's arguments ({@code go -C dir test ./...}); -1 when not go test. */
  private static int testIndex(List<String> args) {
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      i += args.get(i).equals("-C") ? 2 : 1;
    }
    return i < args.size() && args.get(i).equals("test") ? i : -1;
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    Call call = Call.find(command, GoAdapter::isGoTest).orElseThrow();
    List<String> args = call.args();
    int test = testIndex(args);
    boolean json = false;
    for (String arg : args.subList(test + 1, args.size())) {
      if (arg.equals("-args")) {
        break;
      }
      json |= arg.equals("-json") || arg.equals("--json") || arg.equals("-json=true");
    }
    if (call.pipedOut() && !json) {
      return new Invocation(command, Map.of(), List.of(), false, null, name());
    }
    var prepared = json ? command : call.insert(test + 1, List.of("-json"));
    return new Invocation(prepared, Map.of(), List.of(), true, "gotest", name());
  }

  /**
   * Counts from test2json events, or from go's plain "--- PASS/FAIL/SKIP" lines (printed for every
   * test with {@code -v}, for failures without). Subtests count as tests, as in the result stream.
   * Package lines alone ("ok pkg 0.1s") say nothing about tests, so they give no summary.
   */
  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    long[] counts = new long[3];
    String last = null;
    for (String raw : outputTail) {
      String line = Lines.clean(raw);
      String action = action(line);
      if (action != null) {
        counts[
            switch (action) {
              case "pass", "PASS" -> 0;
              case "fail", "FAIL" -> 1;
              default -> 2;
            }]++;
        last = line.strip();
      }
    }
    if (last == null) {
      return Optional.empty();
    }
    long total = counts[0] + counts[1] + counts[2];
    String line = total + " test results counted from go test's output";
    return Optional.of(new ConsoleSummary(counts[0], counts[1], 0, counts[2], line));
  }

  /** The outcome a line reports for one test: test2json's action or go's plain word, or null. */
  private static String action(String line) {
    Matcher event = EVENT.matcher(line);
    if (event.find()) {
      return event.group(1);
    }
    Matcher plain = PLAIN.matcher(line);
    return plain.find() ? plain.group(1) : null;
  }

  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        String action = action(line);
        if (action != null) {
          add(1, action.equalsIgnoreCase("fail") ? 1 : 0);
        }
      }
    };
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    String setup = null;
    String goError = null;
    String panic = null;
    boolean noTestFiles = false;
    boolean buildFailed = false;
    for (String raw : outputTail) {
      for (String line : text(Lines.clean(raw)).split("\n")) {
        String text = line.strip();
        if (SOURCE_ERROR.matcher(text).matches()) {
          return Optional.of("build failed: " + Lines.cut(text, 300));
        }
        buildFailed |= text.endsWith("[build failed]");
        if (text.endsWith("[setup failed]") && setup == null) {
          setup = text;
        }
        if (goError == null
            && (text.startsWith("go: ") && !text.startsWith("go: downloading")
                || text.contains("no Go files in")
                || text.contains("matched no packages"))) {
          goError = text;
        }
        if (panic == null && text.startsWith("panic: ")) {
          panic = text;
        }
        noTestFiles |= text.endsWith("[no test files]");
      }
    }
    if (goError != null) {
      return Optional.of(Lines.cut(goError, 300));
    }
    if (setup != null || buildFailed) {
      return Optional.of(setup != null ? "setup failed: " + Lines.cut(setup, 300) : "build failed");
    }
    if (panic != null) {
      return Optional.of("the test binary panicked: " + Lines.cut(panic, 300));
    }
    return noTestFiles ? Optional.of("no test files") : Optional.empty();
  }

  /** The text a line carries: a test2json event's Output, unescaped, or the line itself. */
  private static String text(String line) {
    if (!line.startsWith("{")) {
      return line;
    }
    Matcher m = OUTPUT.matcher(line);
    if (!m.find()) {
      return "";
    }
    String s = m.group(1);
    var out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> {}
        case 'u' -> {
          if (i + 4 < s.length()) {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
