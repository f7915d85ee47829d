package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON reporter stream of Dart's and Flutter's test runners ({@code dart test --reporter
 * json}, {@code flutter test --machine}): one event per line, tests as {@code testStart}/{@code
 * testDone} pairs. Each test is emitted at its {@code testDone}; the runner's synthetic tests
 * (loading a suite, {@code setUpAll}, {@code tearDownAll}, anything marked hidden) are not tests,
 * and their failure is a run error. Lines that are not events (Flutter prints some) are counted in
 * one warning; a stream that breaks off keeps the tests read and names the ones still running.
 */
final class DartJsonReader implements ResultReader {

  private static final Set<String> EVENT_TYPES =
      Set.of(
          "start",
          "allSuites",
          "suite",
          "debug",
          "group",
          "testStart",
          "print",
          "error",
          "testDone",
          "done");

  @Override
  public Format format() {
    return Format.DART;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input.name(), sink).read(input);
  }

  private static final class Parse extends JsonLinesParse {
    DartRun run;
    boolean sawStart;

    /** Tests still running when a new run started in the same file. */
    final List<String> cutOff = new ArrayList<>();

    Parse(String file, ResultSink sink) {
      super(file, sink);
      this.run = new DartRun(file, sink, problems);
    }

    @Override
    void json(char[] c, int start, int first, int end) {
      JsonNode event;
      try (JsonParser p = JsonInput.open(c, first, end - first)) {
        event = JsonInput.tree(p);
        if (p.nextToken() != null) {
          malformed(Problem.error(file, line, 0, "more than one JSON value on the line"));
          return;
        }
      } catch (IOException e) {
        damaged = notJson(e);
        String text = new String(c, first, end - first);
        sawEvent |= text.contains("\"testID\"") || text.contains("\"protocolVersion\"");
        return;
      }
      String type = DartRun.text(event.get("type"));
      if (type == null || (!EVENT_TYPES.contains(type) && !sawEvent)) {
        ignore(); // JSON, but not a reporter event (or not one before the first event)
        return;
      }
      sawEvent = true;
      if (type.equals("start")) {
        restart();
      }
      run.event(type, event, line);
    }

    /** A second {@code start}: another run's events follow, with ids counted from 0 again. */
    private void restart() {
      if (sawStart) {
        cutOff.addAll(run.inFlight());
        run.end(line, !run.inFlight().isEmpty());
        recovered += run.recovered;
        run = new DartRun(file, sink, problems);
      }
      sawStart = true;
    }

    @Override
    void end() {
      if (!sawEvent) {
        throw new UnreadableResultFileException(
            file,
            "no Dart JSON reporter events (lines like {\"type\":\"testStart\",...}) found; use"
                + " --format to force another format");
      }
      recovered += run.recovered;
      List<String> inFlight = new ArrayList<>(cutOff);
      inFlight.addAll(run.inFlight());
      boolean cut = damaged != null || !run.inFlight().isEmpty();
      if (damaged != null || !inFlight.isEmpty()) {
        reportCut(
            run.inFlight().isEmpty()
                ? "a new run starts while tests of the previous one are running"
                : "the stream ends while tests are running",
            "started but not finished, not counted",
            inFlight);
      }
      run.end(line, cut);
      reportMalformed(
          " lines are not valid JSON and were skipped (an event may be lost), the first: ");
      if (ignored > 0) {
        problems.warn(
            "non-event lines",
            firstIgnored,
            ignored + " lines that are not test events ignored, first at line " + firstIgnored);
      }
    }
  }
}
