package dev.evident.formats;

import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Visual Studio TRX files as vstest ({@code dotnet test --logger trx}), Microsoft.Testing.
 * Platform and MSTest write them, whichever framework ran (MSTest, NUnit, xUnit). Two passes: the
 * first maps test ids to classes ({@link TrxDefinitions}, which TRX writes after the results), the
 * second streams the results. Outcomes are mapped as {@link TrxResult} explains. Data-driven
 * summaries (resultType DataDrivenTest, or results with InnerResults) are replaced by their rows,
 * which are the tests.
 */
final class TrxReader implements ResultReader {

  /** xUnit.net v3 reports cleanup failures as fake failed tests with names like this. */
  private static final Pattern CLEANUP_FAILURE =
      Pattern.compile("\\[(Test(?: \\w+)? Cleanup Failure) \\((.*)\\)]");

  @Override
  public Format format() {
    return Format.TRX;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    TrxDefinitions definitions = TrxDefinitions.read(input);
    Parse parse = new Parse(input, sink, definitions);
    try {
      parse.parse();
      parse.flushSummaries();
    } finally {
      parse.problems.finish();
    }
  }

  static void checkRoot(String file, String name) {
    if (!name.equals("TestRun")) {
      throw new UnreadableResultFileException(
          file, "root element <" + name + "> is not TRX (expected <TestRun>)");
    }
  }

  private static final class Parse extends XmlParse {
    final TrxDefinitions definitions;
    final Deque<TrxResult> results = new ArrayDeque<>();

    /** Flat data-driven summaries waiting to learn whether rows follow, by execution id. */
    final Map<String, TrxResult> pendingSummaries = new LinkedHashMap<>();

    /** Execution ids of summaries whose rows came before them. */
    final Set<String> parentsWithRows = new HashSet<>();

    final Tally found = new Tally();
    final Tally summaries = new Tally();
    Map<String, Long> declared;
    long countersLine;
    String runInfoOutcome;
    long runInfoLine;

    Parse(ResultInput input, ResultSink sink, TrxDefinitions definitions) {
      super(input, sink);
      this.definitions = definitions;
    }

    @Override
    void start(String name, long line) {
      if (open.size() == 1) {
        checkRoot(file, name);
        return;
      }
      String parent = parent();
      TrxResult current = results.peek();
      if ("Results".equals(parent) || "InnerResults".equals(parent)) {
        TrxResult result = new TrxResult(this, line);
        if (result.testName == null && !name.endsWith("Result")) {
          skip();
        } else {
          results.push(result);
        }
      } else if (current != null) {
        startInResult(current, name, parent);
      } else {
        switch (name) {
          case "Results", "ResultSummary", "RunInfos" -> {}
          case "Counters" -> {
            declared = declaredCounts();
            countersLine = line;
            skip();
          }
          case "RunInfo" -> {
            runInfoOutcome = attr("outcome");
            runInfoLine = line;
          }
          case "Text" -> {
            if ("RunInfo".equals(parent)) {
              collect();
            } else {
              skip();
            }
          }
          default -> skip();
        }
      }
    }

    private void startInResult(TrxResult current, String name, String parent) {
      switch (name) {
        case "Output", "ErrorInfo", "InnerResults" -> {}
        case "StdOut" -> current.stdout = collect();
        case "StdErr" -> current.stderr = collect();
        case "Message" -> {
          if ("ErrorInfo".equals(parent)) {
            text = current.message = details(current.message);
          }
        }
        case "StackTrace" -> {
          if ("ErrorInfo".equals(parent)) {
            text = current.stackTrace = details(current.stackTrace);
          }
        }
        default -> skip();
      }
    }

    @Override
    void end(String name) {
      String parent = parent();
      if (("Results".equals(parent) || "InnerResults".equals(parent)) && !results.isEmpty()) {
        endResult(results.pop());
      } else if (name.equals("Results")) {
        flushSummaries();
      } else if (name.equals("Text") && text != null) {
        runInfo(text.text().strip());
      } else if (name.equals("ResultSummary") && declared != null) {
        String off = TrxCounters.disagreement(declared, found, summaries);
        problems.countsDisagree(countersLine, "<Counters>", off, "results");
      } else if (open.size() == 1 && definitions.isEmpty() && recovered > 0) {
        problems.warn(
            "no test definitions",
            0,
            "the file has no TestDefinitions; suites are taken from the test names");
      }
      text = null;
    }

    private void endResult(TrxResult r) {
      TrxResult parent = results.peek();
      if (r.parentExecutionId != null) {
        if (parent != null) {
          parent.rows++;
        } else {
          TrxResult summary = pendingSummaries.remove(r.parentExecutionId);
          if (summary == null) {
            parentsWithRows.add(r.parentExecutionId);
          } else {
            summaries.add(summary.outcome);
          }
        }
      }
      if (r.rows > 0 || (r.executionId != null && parentsWithRows.remove(r.executionId))) {
        summaries.add(r.outcome);
      } else if (r.dataDriven && parent == null && r.executionId != null) {
        pendingSummaries.put(r.executionId, r);
      } else {
        emit(r);
      }
    }

    /** Data-driven summaries that no row followed: they are the only record of their test. */
    void flushSummaries() {
      pendingSummaries.values().forEach(this::emit);
      pendingSummaries.clear();
    }

    private void emit(TrxResult r) {
      found.add(r.outcome);
      recovered++;
      String name = r.testName;
      if (name == null) {
        problems.warn(
            "test result without a name",
            r.line,
            "test result without a testName, stored as '(unnamed)'");
        name = "(unnamed)";
      }
      Failure failure = new Failure("", textOf(r.message), textOf(r.stackTrace));
      Matcher cleanup = CLEANUP_FAILURE.matcher(name);
      if (cleanup.matches()) {
        if (failure.message().isEmpty()) {
          failure = new Failure("", cleanup.group(1) + " (" + cleanup.group(2) + ")", "");
        }
        sink.runError(
            new RunError(
                RunError.Kind.SETUP, cleanup.group(2), failure, Location.of(file, r.line)));
        return;
      }
      Outcome outcome = TrxResult.outcome(r.outcome);
      Map<String, String> properties = new LinkedHashMap<>();
      if (r.unusual()) {
        String shown = r.outcome.isEmpty() ? "(none)" : r.outcome;
        properties.put("outcome", shown);
        if (failure.message().isEmpty()) {
          failure = new Failure("", "TRX outcome " + shown, failure.details());
        }
        if (outcome == Outcome.SKIPPED && !TrxResult.knownSkip(r.outcome)) {
          problems.warn(
              "unknown outcome",
              r.line,
              "unknown outcome=\"" + r.outcome + "\" on '" + name + "'; counted as skipped");
        }
      }
      if (r.computerName != null && !r.computerName.isBlank()) {
        properties.put("computerName", r.computerName);
      }
      if (r.startTime != null && !r.startTime.isBlank()) {
        properties.put("startTime", r.startTime);
      }
      sink.test(
          new TestResult(
              Dotnet.testId(suite(r, name), name),
              outcome,
              duration(r, name),
              outcome == Outcome.PASSED ? Failure.NONE : failure,
              List.of(),
              excerptOf(r.stdout),
              excerptOf(r.stderr),
              null,
              List.of(),
              properties));
    }

    private String suite(TrxResult r, String name) {
      String suite = definitions.suite(r.testId);
      if (suite != null) {
        return suite;
      }
      // No definition (a truncated file, or a writer that omits them): vstest adapters put the
      // class in front of the method in testName, which gives the same identity.
      if (!definitions.isEmpty()) {
        problems.warn(
            "result without a test definition",
            r.line,
            "no TestDefinitions entry for testId=\""
                + r.testId
                + "\"; the suite is taken from the test name");
      }
      return Dotnet.splitQualified(name)[0];
    }

    private Duration duration(TrxResult r, String name) {
      if (r.duration == null || r.duration.isBlank()) {
        return null;
      }
      Duration d = Dotnet.timeSpan(r.duration);
      if (d == null) {
        problems.warn(
            "invalid duration",
            r.line,
            "invalid duration=\"" + r.duration + "\" on '" + name + "'; stored as unknown");
      }
      return d;
    }

    /**
     * Run-level errors: a crashed or aborted test host, an adapter error. vstest also echoes every
     * failed test here ("... [FAIL]") and Microsoft.Testing.Platform the exit code of failed tests;
     * those only repeat the results.
     */
    private void runInfo(String message) {
      if (!"Error".equalsIgnoreCase(runInfoOutcome)
          || message.isEmpty()
          || message.endsWith("[FAIL]")
          || message.startsWith("Exit code indicates failure: '2'")) {
        return;
      }
      sink.runError(
          new RunError(
              RunError.Kind.CRASH,
              "",
              new Failure("", message, ""),
              Location.of(file, runInfoLine)));
    }

    @Override
    String inside() {
      TrxResult r = results.peek();
      return r == null ? "" : inside("the result of", r.testName, r.line);
    }

    @Override
    String unit() {
      return "test results";
    }
  }
}
