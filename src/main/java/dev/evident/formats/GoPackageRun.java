package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One run of one Go package's test binary, from its first event to its {@code pass} or {@code
 * fail}: the tests running in it, its own output, and the first panic seen in it. A package appears
 * again when gotestsum reruns it or streams are appended; each run is its own object.
 */
final class GoPackageRun {

  static final String NO_RESULT = "no result: the test binary exited while it ran";
  static final String NO_EVENT =
      "no result: the stream has no pass, fail or skip event for this test, though its package"
          + " passed";

  /** How much of the package's output is appended to a test that never got a result. */
  private static final int TAIL = 4096;

  final String name;
  final String startTime;

  /** Running tests by name; sorted so that a test's subtests are one range. */
  private final TreeMap<String, GoTestState> running = new TreeMap<>();

  private final BoundedText output = BoundedText.forOutput();
  private String firstMeaningful;
  private String marker;
  private String markerLine;
  private String panicLine;
  private BoundedText crash;
  private int failedTests;
  private boolean failedTestCarriesPanic;

  GoPackageRun(String name, String startTime) {
    this.name = name;
    this.startTime = startTime;
  }

  void run(String test) {
    running.putIfAbsent(test, new GoTestState(test));
  }

  /** Takes an output event; output of a test that is not running counts as package output. */
  void output(String test, String text) {
    GoTestState state = test == null ? null : running.get(test);
    int from = 0;
    while (from < text.length()) {
      int nl = text.indexOf('\n', from);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(from, end);
      from = end + 1;
      if (state != null) {
        state.line(line, nl >= 0);
      } else {
        packageLine(line, nl >= 0);
      }
      crashLine(line);
    }
  }

  private void packageLine(String line, boolean newline) {
    output.append(newline ? line + "\n" : line);
    String s = line.strip();
    if (marker == null && GoOutputLines.buildMarker(s) != null) {
      marker = GoOutputLines.buildMarker(s);
      markerLine = s;
    }
    if (firstMeaningful == null && !GoOutputLines.packageNoise(s)) {
      firstMeaningful = GoOutputLines.limit(s);
    }
  }

  /** From the first panic on, every line of the package goes to the crash text. */
  private void crashLine(String line) {
    if (crash == null) {
      if (!GoOutputLines.panic(line)) {
        return;
      }
      crash = BoundedText.forOutput();
      panicLine = GoOutputLines.limit(line.strip());
    }
    crash.append(line);
    crash.append("\n");
  }

  void attribute(String test, String key, String value) {
    GoTestState state = running.get(test);
    if (state != null && key != null) {
      state.attribute(key, value);
    }
  }

  /** The result of a test that got its pass, fail, skip or bench event. */
  TestResult finish(String test, Outcome outcome, Duration duration) {
    GoTestState state = running.remove(test);
    if (state == null) {
      state = new GoTestState(test); // gotestsum reruns may lack the run event
    }
    if (outcome == Outcome.PASSED) {
      running.subMap(test + "/", test + "0").values().forEach(sub -> sub.parentPassed = true);
    }
    Failure failure = Failure.NONE;
    if (outcome == Outcome.FAILED) {
      failure = state.failure();
      failed(state);
    } else if (outcome == Outcome.SKIPPED) {
      failure = state.skip();
    }
    return result(state, outcome, duration, failure);
  }

  private void failed(GoTestState state) {
    failedTests++;
    failedTestCarriesPanic |= state.sawPanic();
    for (int slash = state.name.lastIndexOf('/');
        slash > 0;
        slash = state.name.lastIndexOf('/', slash - 1)) {
      GoTestState parent = running.get(state.name.substring(0, slash));
      if (parent != null) {
        if (parent.failedSubtest == null) {
          parent.failedSubtest = state.name;
        }
        break;
      }
    }
  }

  private TestResult result(GoTestState s, Outcome outcome, Duration duration, Failure failure) {
    if (duration == null && s.printedSeconds != null) {
      duration = Values.seconds(s.printedSeconds);
    }
    return new TestResult(
        new TestId(name, s.name, ""),
        outcome,
        duration,
        failure,
        List.of(),
        s.stdout(),
        Excerpt.EMPTY,
        null,
        List.of(),
        s.attributes());
  }

  /** Names of the tests still running, for a message about a stream that ends early. */
  List<String> inFlight() {
    return new ArrayList<>(running.keySet());
  }

  boolean hasInFlight() {
    return !running.isEmpty();
  }

  /**
   * Results for the tests that never got a result event in a package that ended: the verdict the
   * test printed itself, else passed when its parent passed (as gotestsum does), else failed.
   */
  List<TestResult> resolveInFlight(boolean packagePassed) {
    List<TestResult> results = new ArrayList<>();
    String tail = tail();
    for (GoTestState s : running.values()) {
      if ("PASS".equals(s.printedVerdict) || (s.printedVerdict == null && s.parentPassed)) {
        results.add(result(s, Outcome.PASSED, null, Failure.NONE));
      } else if ("SKIP".equals(s.printedVerdict)) {
        results.add(result(s, Outcome.SKIPPED, null, s.skip()));
      } else {
        Failure failure =
            s.printedVerdict != null
                ? s.failure()
                : s.noResult(packagePassed ? NO_EVENT : NO_RESULT, panicLine, tail);
        failed(s);
        results.add(result(s, Outcome.FAILED, null, failure));
      }
    }
    running.clear();
    return results;
  }

  private String tail() {
    String text = output.text().strip();
    return text.length() <= TAIL ? text : text.substring(text.length() - TAIL);
  }

  /**
   * The error of a package that failed outside its tests, or null: a build or setup failure, or a
   * crash (TestMain failed, the binary panicked or timed out) that no failed test carries. Call
   * after {@link #resolveInFlight}.
   */
  RunError failure(boolean failedBuild, String buildOutput, Location where) {
    if (failedBuild || marker != null) {
      RunError.Kind kind = "setup".equals(marker) ? RunError.Kind.SETUP : RunError.Kind.BUILD;
      String details = buildOutput == null || buildOutput.isBlank() ? packageText() : buildOutput;
      String message =
          GoOutputLines.firstBuildError(
              details, markerLine != null ? markerLine : "the test binary could not be built");
      return new RunError(kind, name, new Failure("", message, details.strip()), where);
    }
    if (failedTests > 0 && (panicLine == null || failedTestCarriesPanic)) {
      return null;
    }
    String message =
        panicLine != null
            ? panicLine
            : firstMeaningful != null
                ? firstMeaningful
                : "the test binary failed outside any test, with no output saying why";
    String details = crash != null ? crash.text().strip() : packageText();
    return new RunError(RunError.Kind.CRASH, name, new Failure("", message, details), where);
  }

  private String packageText() {
    return output.text().strip();
  }

  Excerpt stdout() {
    return output.excerpt();
  }
}
