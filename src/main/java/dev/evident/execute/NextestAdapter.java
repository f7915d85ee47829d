package dev.evident.execute;

import dev.evident.model.TestResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cargo nextest run}. nextest writes JUnit XML only when the project's {@code
 * .config/nextest.toml} configures it for the profile, and passing that config from outside means
 * writing files into the project, so the command runs unchanged and results come from its status
 * lines ("PASS [ 0.004s] my-crate tests::adds"), which carry durations and retries.
 */
final class NextestAdapter implements RunnerAdapter {

  /** "Summary [ 0.012s] 12 tests run: 10 passed (1 slow, 1 flaky), 1 failed, 2 skipped". */
  private static final Pattern SUMMARY =
      Pattern.compile("^Summary \\[\\s*[\\d.]+s] (\\d+)(?:/\\d+)? tests? run: (.*)$");

  private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z ]+)");

  @Override
  public String name() {
    return "nextest";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, NextestAdapter::isNextest).isPresent();
  }

  private static boolean isNextest(Call call) {
    List<String> args = call.args();
    if (call.program().equals("cargo-nextest")) {
      return args.size() >= 2 && args.get(0).equals("nextest") && args.get(1).matches("run|r");
    }
    if (!call.program().equals("cargo") || !CargoTestAdapter.subcommand(args).equals("nextest")) {
      return false;
    }
    int at = args.indexOf("nextest");
    return CargoTestAdapter.subcommand(args.subList(at + 1, args.size())).matches("run|r");
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    return new Invocation(command, Map.of(), List.of(), false, null, name());
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    for (int i = outputTail.size() - 1; i >= 0; i--) {
      String line = Lines.clean(outputTail.get(i)).strip();
      Matcher m = SUMMARY.matcher(line);
      if (m.matches()) {
        long passed = 0;
        long failed = 0;
        long errored = 0;
        long skipped = 0;
        // "(1 slow, 1 flaky)" qualifies the passed tests; it is not a count of its own.
        Matcher count = COUNT.matcher(m.group(2).replaceAll("\\([^)]*\\)", ""));
        while (count.find()) {
          long n = Long.parseLong(count.group(1));
          switch (count.group(2).strip()) {
            case "passed" -> passed += n;
            case "failed" -> failed += n;
            case "timed out", "exec failed" -> errored += n;
            case "skipped" -> skipped += n;
            default -> {}
          }
        }
        return Optional.of(new ConsoleSummary(passed, failed, errored, skipped, line));
      }
    }
    return Optional.empty();
  }

  /**
   * Counts each test once, by its latest status: a failed attempt that is retried and passes ends
   * as passed, and the failures nextest repeats after its summary are not counted again.
   */
  @Override
  public ProgressCounter progress() {
    return new Counting() {
      private final Map<String, Boolean> failing = new HashMap<>();

      @Override
      void read(String line) {
        var status = NextestOutput.status(line);
        if (status == null) {
          return;
        }
        String test = status.binary() + " " + status.test();
        Boolean before = failing.put(test, status.outcome().broken());
        boolean now = status.outcome().broken();
        add(before == null ? 1 : 0, (now ? 1 : 0) - (before != null && before ? 1 : 0));
      }
    };
  }

  @Override
  public List<TestResult> testsFromOutput(List<String> lines) {
    var output = new NextestOutput();
    lines.forEach(output::line);
    return output.tests();
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    return CargoTestAdapter.whyCargoBroke(outputTail);
  }
}
