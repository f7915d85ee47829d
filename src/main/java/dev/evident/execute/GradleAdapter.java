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
 * Gradle ({@code gradle}, {@code ./gradlew}): the command runs unchanged; results are the JUnit XML
 * files under every project's {@code build/test-results}.
 */
final class GradleAdapter implements RunnerAdapter {

  private static final Set<String> PROGRAMS = Set.of("gradle", "gradlew");

  /** "5 tests completed, 1 failed, 1 skipped": printed per test task, only when one failed. */
  private static final Pattern COMPLETED =
      Pattern.compile(
          "^([\\d,]+) tests? completed(?:, ([\\d,]+) failed)?(?:, ([\\d,]+) skipped)?\\s*$");

  /** "CalculatorTest > divides() FAILED": Gradle's default logging prints failures only. */
  private static final Pattern FAILED_TEST = Pattern.compile("^\\S.* > .+ FAILED$");

  private static final Pattern COMPILER_ERROR =
      Pattern.compile("^(?:e: .+|.+\\.(?:java|groovy|scala):\\d+: error: .+)$");

  @Override
  public String name() {
    return "gradle";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, c -> PROGRAMS.contains(c.program())).isPresent();
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    var results = List.of(new Invocation.ResultLocation(workDir, "**/build/test-results/**/*.xml"));
    return new Invocation(command, Map.of(), results, false, null, name());
  }

  /** The "N tests completed" lines of all test tasks, added up ("completed" includes skipped). */
  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    long completed = 0;
    long failed = 0;
    long skipped = 0;
    var lines = new ArrayList<String>();
    for (String raw : outputTail) {
      String line = Lines.clean(raw).strip();
      Matcher m = COMPLETED.matcher(line);
      if (m.matches()) {
        completed += Lines.count(m.group(1));
        failed += m.group(2) == null ? 0 : Lines.count(m.group(2));
        skipped += m.group(3) == null ? 0 : Lines.count(m.group(3));
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String line =
        lines.size() == 1
            ? lines.get(0)
            : lines.size() + " test tasks added up, the last: " + lines.get(lines.size() - 1);
    return Optional.of(new ConsoleSummary(completed - failed - skipped, failed, 0, skipped, line));
  }

  /** Failures only: Gradle does not print passing tests, so how many finished is unknown. */
  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        if (FAILED_TEST.matcher(line).matches()) {
          add(0, 1);
        }
      }

      @Override
      public long finished() {
        return -1;
      }
    };
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).toList();
    String compilerError = null;
    String wentWrong = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (compilerError == null && COMPILER_ERROR.matcher(line).matches()) {
        compilerError = line.strip();
      }
      if (wentWrong == null && line.strip().equals("* What went wrong:")) {
        wentWrong = whatWentWrong(lines, i + 1);
      }
    }
    boolean compilation =
        lines.stream()
            .anyMatch(l -> l.contains("Compilation failed") || l.contains("Compilation error"));
    if (compilation || wentWrong == null && compilerError != null) {
      return Optional.of(
          "compile error" + (compilerError == null ? "" : ": " + Lines.cut(compilerError, 300)));
    }
    if (wentWrong == null || wentWrong.contains("There were failing tests")) {
      return Optional.empty();
    }
    return Optional.of("build failed: " + Lines.cut(wentWrong, 300));
  }

  /** The paragraph after "* What went wrong:", its "> cause" lines joined. */
  private static String whatWentWrong(List<String> lines, int from) {
    var text = new StringBuilder();
    for (int i = from; i < lines.size() && !lines.get(i).isBlank(); i++) {
      String part = lines.get(i).strip().replaceFirst("^> ", "");
      if (part.startsWith("* ")) {
        break;
      }
      text.append(text.isEmpty() ? "" : " ").append(part);
    }
    return text.toString();
  }
}
