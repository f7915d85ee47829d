package dev.evident.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven ({@code mvn}, {@code ./mvnw}, {@code mvnd}): the command runs unchanged; results are the
 * Surefire and Failsafe reports of every module under the work dir (the caller keeps only files
 * written after the start, so modules the run did not touch do not count).
 */
final class MavenAdapter implements RunnerAdapter {

  private static final Set<String> PROGRAMS = Set.of("mvn", "mvnw", "mvnd");

  /** "Tests run: 6, Failures: 1, Errors: 1, Skipped: 1[, Flakes: 1][, Time elapsed: ...]". */
  private static final Pattern TESTS_RUN =
      Pattern.compile(
          "Tests run: ([\\d,]+), Failures: ([\\d,]+), Errors: ([\\d,]+), Skipped: ([\\d,]+)"
              + "(?:, Flakes: ([\\d,]+))?(.*)$");

  private static final Pattern SOURCE_ERROR =
      Pattern.compile("^\\[ERROR] (.+\\.(?:java|kt|scala|groovy):\\[?\\d+.*)$");

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, c -> PROGRAMS.contains(c.program())).isPresent();
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    var results =
        List.of(
            new Invocation.ResultLocation(workDir, "**/target/surefire-reports/TEST-*.xml"),
            new Invocation.ResultLocation(workDir, "**/target/failsafe-reports/TEST-*.xml"));
    return new Invocation(command, Map.of(), results, false, null, name());
  }

  /**
   * The totals lines after "Results:", one per Surefire or Failsafe execution (each module prints
   * its own; Maven prints no grand total), added up. Per-class lines carry "Time elapsed" and are
   * left out.
   */
  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    long run = 0;
    long failures = 0;
    long errors = 0;
    long skipped = 0;
    int totals = 0;
    String last = null;
    for (String raw : outputTail) {
      String line = Lines.clean(raw);
      Matcher m = TESTS_RUN.matcher(line);
      if (m.find() && !m.group(6).contains("Time elapsed")) {
        run += Lines.count(m.group(1));
        failures += Lines.count(m.group(2));
        errors += Lines.count(m.group(3));
        skipped += Lines.count(m.group(4));
        totals++;
        last = line.replaceFirst("^\\[\\w+] ", "").strip();
      }
    }
    if (totals == 0) {
      return Optional.empty();
    }
    String line = totals == 1 ? last : totals + " totals lines added up, the last: " + last;
    return Optional.of(
        new ConsoleSummary(run - failures - errors - skipped, failures, errors, skipped, line));
  }

  /** Per-class lines ("Tests run: 4, ..., Time elapsed: 0.08 s -- in com.example.FooTest"). */
  @Override
  public ProgressCounter progress() {
    return new Counting() {
      @Override
      void read(String line) {
        Matcher m = TESTS_RUN.matcher(line);
        if (m.find() && m.group(6).contains("Time elapsed")) {
          add(Lines.count(m.group(1)), Lines.count(m.group(2)) + Lines.count(m.group(3)));
        }
      }
    };
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    List<String> lines = outputTail.stream().map(Lines::clean).toList();
    boolean compilation = false;
    String sourceError = null;
    String fallback = null;
    boolean afterFailure = false;
    for (String line : lines) {
      String text = line.replaceFirst("^\\[(?:ERROR|INFO|WARNING)]\\s*", "").strip();
      if (line.contains("COMPILATION ERROR") || line.contains("Compilation failure")) {
        compilation = true;
      }
      Matcher source = SOURCE_ERROR.matcher(line);
      if (sourceError == null && source.matches()) {
        sourceError = source.group(1).strip();
      }
      int resolve = line.indexOf("Could not resolve dependencies");
      if (resolve >= 0) {
        return Optional.of(Lines.cut(line.substring(resolve), 300));
      }
      if (text.startsWith("Non-resolvable parent POM") || text.contains("could not be resolved")) {
        return Optional.of("dependency resolution failed: " + Lines.cut(text, 300));
      }
      if (line.contains("The forked VM terminated without properly saying goodbye")
          || line.contains("There was an error in the forked process")) {
        return Optional.of("the test JVM crashed: " + Lines.cut(text, 300));
      }
      int noTests = line.indexOf("No tests matching pattern");
      if (noTests >= 0) {
        return Optional.of(Lines.cut(line.substring(noTests), 300));
      }
      if (text.equals("No tests to run.")) {
        return Optional.of("no tests to run");
      }
      if (text.equals("Tests are skipped.")) {
        return Optional.of("tests are skipped (-DskipTests or -Dmaven.test.skip)");
      }
      if (line.contains("BUILD FAILURE")) {
        afterFailure = true;
      } else if (afterFailure
          && fallback == null
          && line.startsWith("[ERROR]")
          && !text.isEmpty()) {
        fallback = text;
      }
    }
    if (compilation) {
      return Optional.of(
          "compile error" + (sourceError == null ? "" : ": " + Lines.cut(sourceError, 300)));
    }
    if (fallback == null || fallback.contains("There are test failures")) {
      return Optional.empty();
    }
    // "Failed to execute goal <plugin> (<execution>) on project app: <what went wrong>"
    int project = fallback.indexOf(" on project ");
    int colon = project < 0 ? -1 : fallback.indexOf(": ", project);
    String what = colon < 0 ? fallback : fallback.substring(colon + 2);
    return Optional.of("build failed: " + Lines.cut(what, 300));
  }
}
