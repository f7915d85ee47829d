package dev.evident.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.evident.model.Problem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The per-file state and line loop that the JSON-lines readers (go test -json, Dart JSON) share:
 * lines that start with {@code '{'} go to {@link #json}, other non-blank lines to {@link #plain};
 * a line that is not valid JSON is the truncated end of the stream when nothing follows it, and
 * counted as malformed otherwise. Subclasses report at {@link #end} with the helpers here.
 */
abstract class JsonLinesParse {

  final String file;
  final ResultSink sink;
  final ProblemLog problems;
  long line;
  long recovered;
  boolean sawEvent;

  /** A line that looked like JSON but was not; it is the truncated end if nothing follows. */
  Problem damaged;

  private long malformed;
  private Problem firstMalformed;
  long ignored;
  long firstIgnored;

  JsonLinesParse(String file, ResultSink sink) {
    this.file = file;
    this.sink = sink;
    this.problems = new ProblemLog(file, sink);
  }

  /**
   * A line whose first non-blank character is {@code '{'}: {@code chars} from {@code start} (after
   * a byte order mark) to {@code end}, {@code first} the index of that {@code '{'}.
   */
  abstract void json(char[] chars, int start, int first, int end);

  /** The end of the stream: throw if it held no events, else report what is missing. */
  abstract void end();

  /** A non-blank line that is not JSON, from {@code start} to {@code end}; ignored by default. */
  void plain(char[] chars, int start, int end) {
    ignore();
  }

  /**
   * Reads every line, then calls {@link #end}. A read error before the first event means the input
   * is unreadable; after it, the events read so far count and the error is reported.
   */
  final void read(ResultInput input) {
    try (var lines =
        new LineInput(new InputStreamReader(input.openOrFail(), StandardCharsets.UTF_8))) {
      while (lines.next()) {
        line(lines);
      }
    } catch (IOException | UncheckedIOException e) {
      if (!sawEvent) {
        throw new UnreadableResultFileException(file, "cannot read: " + e.getMessage(), e);
      }
      problems.error(line, 0, "reading stopped: " + e.getMessage());
    }
    end();
    problems.finish();
  }

  private void line(LineInput in) {
    line++;
    char[] c = in.chars();
    int n = in.length();
    int start = line == 1 && n > 0 && c[0] == '\uFEFF' ? 1 : 0;
    int first = start;
    while (first < n && Character.isWhitespace(c[first])) {
      first++;
    }
    if (first == n) {
      return;
    }
    if (damaged != null) {
      malformed(damaged); // a line follows, so it was not the truncated end
      damaged = null;
    }
    if (in.overlong()) {
      damaged = Problem.error(file, line, 0, "the line is longer than 1 MiB");
    } else if (c[first] != '{') {
      plain(c, start, n);
    } else {
      json(c, start, first, n);
    }
  }

  /** Counts a line that is not JSON; the first one is named in the summary error. */
  final void ignore() {
    ignored++;
    if (firstIgnored == 0) {
      firstIgnored = line;
    }
  }

  /** Counts a line that looked like JSON but is not valid; the first one is named at the end. */
  final void malformed(Problem problem) {
    malformed++;
    firstMalformed = firstMalformed == null ? problem : firstMalformed;
  }

  /** The problem for the current line, which the JSON parser could not read. */
  final Problem notJson(IOException e) {
    long column = 0;
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      column = Math.max(0, j.getLocation().getColumnNr());
    }
    return Problem.error(file, line, column, reason(e));
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

  /**
   * One error for the malformed lines, if any: their number, {@code what} (e.g. " lines are not
   * valid JSON and were skipped, the first: ") and the first one's problem.
   */
  final void reportMalformed(String what) {
    if (malformed > 0) {
      problems.error(
          firstMalformed.where().line(),
          firstMalformed.where().column(),
          malformed + what + firstMalformed.message());
    }
  }

  /**
   * The stream ends mid-object or while tests run: keep what was read, name what was cut.
   *
   * @param otherwise why the stream is cut when its last line is complete JSON
   * @param notCounted the label of the list of tests that did not finish
   */
  final void reportCut(String otherwise, String notCounted, List<String> inFlight) {
    StringBuilder m = new StringBuilder();
    long at = line;
    long column = 0;
    if (damaged != null) {
      at = damaged.where().line();
      column = damaged.where().column();
      m.append("truncated: the last line is not complete JSON (")
          .append(damaged.message())
          .append(')');
    } else {
      m.append(otherwise);
    }
    m.append("; ").append(recovered).append(" tests recovered");
    if (!inFlight.isEmpty()) {
      m.append("; ").append(notCounted).append(": ");
      m.append(String.join(", ", inFlight.subList(0, Math.min(10, inFlight.size()))));
      if (inFlight.size() > 10) {
        m.append(" and ").append(inFlight.size() - 10).append(" more");
      }
    }
    problems.error(at, column, m.toString());
  }
}
