package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Problem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    Parse parse = new Parse(input.name(), sink);
    try (var lines =
        new LineInput(new InputStreamReader(input.openOrFail(), StandardCharsets.UTF_8))) {
      while (lines.next()) {
        parse.line(lines);
      }
    } catch (IOException | UncheckedIOException e) {
      if (!parse.sawEvent) {
        throw new UnreadableResultFileException(input.name(), "cannot read: " + e.getMessage(), e);
      }
      parse.problems.error(parse.line, 0, "reading stopped: " + e.getMessage());
    }
    parse.end();
  }

  private static final class Parse {
    final String file;
    final ResultSink sink;
    final ProblemLog problems;
    DartRun run;
    long line;
    long recovered;
    boolean sawEvent;
    boolean sawStart;

    /** Tests still running when a new run started in the same file. */
    final List<String> cutOff = new ArrayList<>();

    /** A line that looked like JSON but was not; it is the truncated end if nothing follows. */
    Problem damaged;

    long malformed;
    Problem firstMalformed;
    long ignored;
    long firstIgnored;

    Parse(String file, ResultSink sink) {
      this.file = file;
      this.sink = sink;
      this.problems = new ProblemLog(file, sink);
      this.run = new DartRun(file, sink, problems);
    }

    void line(LineInput in) {
      line++;
      char[] c = in.chars();
      int n = in.length();
      int from = line == 1 && n > 0 && c[0] == '\uFEFF' ? 1 : 0;
      int first = from;
      while (first < n && Character.isWhitespace(c[first])) {
        first++;
      }
      if (first == n) {
        return;
      }
      if (damaged != null) {
        malformed++;
        firstMalformed = firstMalformed == null ? damaged : firstMalformed;
        damaged = null;
      }
      if (in.overlong()) {
        damaged = Problem.error(file, line, 0, "the line is longer than 1 MiB");
        return;
      }
      if (c[first] != '{') {
        ignore();
        return;
      }
      JsonNode event;
      try (JsonParser p = JsonInput.open(c, first, n - first)) {
        event = JsonInput.tree(p);
        if (p.nextToken() != null) {
          malformed++;
          firstMalformed =
              firstMalformed == null
                  ? Problem.error(file, line, 0, "more than one JSON value on the line")
                  : firstMalformed;
          return;
        }
      } catch (IOException e) {
        long column = 0;
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
          column = Math.max(0, j.getLocation().getColumnNr());
        }
        damaged = Problem.error(file, line, column, reason(e));
        String text = new String(c, first, n - first);
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

    private static String reason(IOException e) {
      if (e instanceof JsonEOFException) {
        return "it ends mid-object";
      }
      String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      m = m == null ? e.toString() : m;
      int cut = m.indexOf('\n');
      return cut < 0 ? m : m.substring(0, cut);
    }

    private void ignore() {
      ignored++;
      if (firstIgnored == 0) {
        firstIgnored = line;
      }
    }

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
        reportCut(inFlight);
      }
      run.end(line, cut);
      if (malformed > 0) {
        problems.error(
            firstMalformed.where().line(),
            firstMalformed.where().column(),
            malformed
                + " lines are not valid JSON and were skipped (an event may be lost), the first: "
                + firstMalformed.message());
      }
      if (ignored > 0) {
        problems.warn(
            "non-event lines",
            firstIgnored,
            ignored + " lines that are not test events ignored, first at line " + firstIgnored);
      }
      problems.finish();
    }

    /** The stream ends mid-object or while tests run: keep what was read, name what was cut. */
    private void reportCut(List<String> inFlight) {
      StringBuilder m = new StringBuilder();
      long at = line;
      long column = 0;
      if (damaged != null) {
        at = damaged.where().line();
        column = damaged.where().column();
        m.append("truncated: the last line is not complete JSON (")
            .append(damaged.message())
            .append(')');
      } else if (!run.inFlight().isEmpty()) {
        m.append("the stream ends while tests are running");
      } else {
        m.append("a new run starts while tests of the previous one are running");
      }
      m.append("; ").append(recovered).append(" tests recovered");
      if (!inFlight.isEmpty()) {
        m.append("; started but not finished, not counted: ");
        m.append(String.join(", ", inFlight.subList(0, Math.min(10, inFlight.size()))));
        if (inFlight.size() > 10) {
          m.append(" and ").append(inFlight.size() - 10).append(" more");
        }
      }
      problems.error(at, column, m.toString());
    }
  }
}
