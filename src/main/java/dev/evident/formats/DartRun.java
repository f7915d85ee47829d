package dev.evident.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a Dart JSON reporter stream, from its {@code start} event on: the suites, groups and
 * running tests that later events refer to by id, turned into results, run errors and problems.
 * Memory grows with the number of suites and groups, not of tests: a finished test is remembered
 * only among the last {@link #REMEMBERED}, for errors reported after it completed. Not thread safe.
 */
final class DartRun {

  /** Finished tests kept for errors that arrive after their {@code testDone}. */
  static final int REMEMBERED = 10_000;

  private record Group(String name, String own) {}

  /** A finished test, remembered for late errors. */
  private record Finished(
      TestId id, DartTest.Kind kind, boolean synthetic, String scope, Duration duration) {}

  private final String file;
  private final ResultSink sink;
  private final ProblemLog problems;
  private final Map<Long, String> suites = new HashMap<>();
  private final Map<Long, Group> groups = new HashMap<>();
  private final Map<Long, DartTest> running = new LinkedHashMap<>();
  private final Map<Long, Finished> finished =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Finished> eldest) {
          return size() > REMEMBERED;
        }
      };

  long recovered;
  private long broken;
  private long runErrors;
  private long doneLine;
  private Boolean success;

  DartRun(String file, ResultSink sink, ProblemLog problems) {
    this.file = file;
    this.sink = sink;
    this.problems = problems;
  }

  void event(String type, JsonNode e, long line) {
    switch (type) {
      case "start", "allSuites", "debug" -> {}
      case "suite" -> {
        JsonNode s = e.path("suite");
        String path = text(s.get("path"));
        // Windows runners write test\\a_test.dart: one spelling keeps identities stable across OSes
        suites.put(number(s.get("id")), path == null ? "" : path.replace('\\', '/'));
      }
      case "group" -> group(e.path("group"));
      case "testStart" -> testStart(e.path("test"), number(e.get("time")), line);
      case "print" -> print(e, line);
      case "error" -> error(e, line);
      case "testDone" -> testDone(e, line);
      case "done" -> {
        doneLine = line;
        success = e.path("success").isBoolean() ? e.get("success").asBoolean() : null;
      }
      default ->
          problems.warn(
              "unknown event type",
              line,
              "unknown event type '" + type + "' ignored; newer test runners may add types");
    }
  }

  /** Group names include their parents' names; the suite chain shows each group's own part. */
  private void group(JsonNode g) {
    String name = text(g.get("name"));
    name = name == null ? "" : name;
    Group parent = groups.get(number(g.get("parentID")));
    String own = name;
    if (parent != null && !parent.name.isEmpty() && name.startsWith(parent.name + " ")) {
      own = name.substring(parent.name.length() + 1);
    }
    groups.put(number(g.get("id")), new Group(name, own));
  }

  private void testStart(JsonNode t, long time, long line) {
    long id = number(t.get("id"));
    String name = text(t.get("name"));
    name = name == null ? "" : name;
    String path = suites.getOrDefault(number(t.get("suiteID")), "");
    StringBuilder suite = new StringBuilder(path);
    String innermost = "";
    for (JsonNode groupId : t.path("groupIDs")) {
      Group g = groups.get(groupId.asLong(-1));
      if (g != null && !g.own.isEmpty()) {
        suite.append(suite.isEmpty() ? "" : " > ").append(g.own);
        innermost = g.name;
      }
    }
    String own =
        !innermost.isEmpty() && name.startsWith(innermost + " ")
            ? name.substring(innermost.length() + 1)
            : name;
    DartTest.Kind kind = DartTest.Kind.TEST;
    if (t.path("groupIDs").isEmpty() && name.startsWith("loading ")) {
      kind = DartTest.Kind.LOAD;
    } else if (own.equals("(setUpAll)") || own.equals("(tearDownAll)")) {
      kind = DartTest.Kind.ALL_HOOK;
    }
    if (own.isBlank()) {
      problems.warn("test without a name", line, "test without a name, stored as '(unnamed)'");
      own = "(unnamed)";
    }
    JsonNode rootUrl = t.get("root_url");
    Location source =
        rootUrl != null && !rootUrl.isNull()
            ? DartTest.location(text(rootUrl), number(t.get("root_line")))
            : DartTest.location(text(t.get("url")), number(t.get("line")));
    TestId testId = TestId.parse(suite.toString(), own);
    String scope = kind == DartTest.Kind.LOAD ? path : suite.toString();
    running.put(id, new DartTest(testId, kind, scope, time, line, source));
  }

  private void print(JsonNode e, long line) {
    long id = number(e.get("testID"));
    String message = text(e.get("message"));
    message = message == null ? "" : message;
    DartTest test = running.get(id);
    if (test != null) {
      test.message(text(e.get("messageType")), message);
      return;
    }
    Finished done = finished.get(id);
    if (done == null) {
      problems.warn("print for an unknown test", line, "print for unknown test id " + id);
    } else if (!"skip".equals(text(e.get("messageType")))) {
      // Printed after the test completed (async code still running): kept as suite output.
      BoundedText out = BoundedText.forOutput();
      out.append(message);
      sink.suite(
          new SuiteInfo(done.id.suite(), null, null, Map.of(), out.excerpt(), Excerpt.EMPTY));
    }
  }

  private void error(JsonNode e, long line) {
    long id = number(e.get("testID"));
    String error = text(e.get("error"));
    String stackTrace = text(e.get("stackTrace"));
    error = error == null ? "" : error;
    stackTrace = stackTrace == null ? "" : stackTrace;
    boolean isFailure = e.path("isFailure").asBoolean(false);
    DartTest test = running.get(id);
    if (test != null) {
      test.error(error, stackTrace, isFailure);
      return;
    }
    Failure failure = DartTest.failure(error, stackTrace, isFailure);
    Finished done = finished.get(id);
    if (done == null) {
      runError(
          RunError.Kind.CRASH,
          "",
          new Failure(
              failure.type(),
              "error reported for unknown test id " + id + ": " + failure.message(),
              failure.details()),
          line);
    } else if (done.synthetic) {
      runError(DartTest.runErrorKind(done.kind, failure), done.scope, failure, line);
    } else {
      // The protocol says a test that errs after its testDone has failed; report it again, so
      // that the receiver keeps the earlier result as an attempt and counts the failure.
      Outcome outcome = isFailure ? Outcome.FAILED : Outcome.ERRORED;
      problems.warn(
          "error after completion",
          line,
          "test '%s' reported an error after it completed; counted as %s"
              .formatted(done.id.displayName(), outcome));
      broken++;
      sink.test(TestResult.of(done.id, outcome, done.duration).with(outcome, failure));
    }
  }

  private void testDone(JsonNode e, long line) {
    long id = number(e.get("testID"));
    DartTest test = running.remove(id);
    if (test == null) {
      problems.warn(
          "testDone without testStart",
          line,
          "testDone for test id " + id + ", which did not start; ignored");
      return;
    }
    String result = text(e.get("result"));
    Outcome outcome = test.outcome(result == null ? "" : result, e.path("skipped").asBoolean());
    if (outcome == null) {
      outcome = test.fromErrors();
      problems.warn(
          "unknown result",
          line,
          "unknown result '%s' of test '%s'; counted as %s"
              .formatted(result, test.id.displayName(), outcome));
    }
    Duration duration = duration(test, number(e.get("time")), line);
    boolean synthetic = test.kind != DartTest.Kind.TEST || e.path("hidden").asBoolean();
    finished.put(id, new Finished(test.id, test.kind, synthetic, test.scope, duration));
    if (!synthetic) {
      broken += outcome.broken() ? 1 : 0;
      recovered++;
      sink.test(test.result(outcome, duration));
      return;
    }
    // Loading, setUpAll, tearDownAll: not tests; their failure kept the suite's tests from running.
    if (!test.stdout().isEmpty()) {
      sink.suite(new SuiteInfo(test.scope, null, null, Map.of(), test.stdout(), Excerpt.EMPTY));
    }
    if (outcome.broken()) {
      Failure failure = test.failure();
      if (failure.isEmpty()) {
        failure = new Failure("", test.id.name() + " failed without an error event", "");
      }
      runError(DartTest.runErrorKind(test.kind, failure), test.scope, failure, line);
    }
  }

  private Duration duration(DartTest test, long time, long line) {
    if (time < 0 || test.startTime < 0) {
      return null;
    }
    if (time < test.startTime) {
      problems.warn(
          "invalid time",
          line,
          "test '%s' ends at %d ms, before it started at %d ms; duration left unknown"
              .formatted(test.id.displayName(), time, test.startTime));
      return null;
    }
    return Duration.ofMillis(time - test.startTime);
  }

  private void runError(RunError.Kind kind, String scope, Failure failure, long line) {
    runErrors++;
    sink.runError(new RunError(kind, scope, failure, Location.of(file, line)));
  }

  /** The tests that started and did not finish, by name. */
  List<String> inFlight() {
    List<String> names = new ArrayList<>();
    running
        .values()
        .forEach(t -> names.add(t.kind == DartTest.Kind.LOAD ? t.id.name() : t.id.toString()));
    return names;
  }

  /** Checks the run's {@code done} event, unless the stream was cut (reported separately). */
  void end(long line, boolean cut) {
    if (doneLine == 0) {
      if (!cut) {
        problems.warn(
            "no done event",
            line,
            "no done event: the output ends before the test runner finished (%d tests read)"
                .formatted(recovered));
      }
    } else if (success == null) {
      problems.error(
          doneLine,
          0,
          "the test runner was closed before all tests completed (done without success); %d tests read"
              .formatted(recovered));
    } else if (!success && broken == 0 && runErrors == 0) {
      problems.error(
          doneLine,
          0,
          "the test runner reports failure (done with success false), but no test failed and no"
              + " suite failed to load in this file; the cause is not recorded here");
    }
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || n.isContainerNode() ? null : n.asText();
  }

  static long number(JsonNode n) {
    return n != null && n.canConvertToLong() && n.isNumber() ? n.asLong() : -1;
  }
}
