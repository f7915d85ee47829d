package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The per-file state and error handling that the JSON document readers (CTRF, Mocha, RSpec) share:
 * {@link #run} walks the document token by token, arrays of tests are read one element at a time
 * ({@link #objects}), and a file that breaks off or turns malformed once it was {@link #recognized}
 * ends in one {@code ERROR} problem ({@link #damaged}) that says where it broke and how many tests
 * were read before.
 */
abstract class JsonParse {

  /** Reads one array element, the parser at its {@code START_OBJECT}, up to its end. */
  @FunctionalInterface
  interface Element<T> {
    T read(JsonParser p) throws IOException;
  }

  final ResultInput input;
  final String file;
  final ResultSink sink;
  final ProblemLog problems;

  /** Whether the document is known to be of this format; damage before that makes it unreadable. */
  boolean recognized;

  long recovered;

  /** The line where the array element being read starts; 0 between elements. */
  long entryLine;

  JsonParse(ResultInput input, ResultSink sink) {
    this.input = input;
    this.file = input.name();
    this.sink = sink;
    this.problems = new ProblemLog(file, sink);
  }

  /** Reads the document, the parser before its first token. */
  abstract void run(JsonParser p) throws IOException;

  /** The file ends early or turns malformed after it was recognized: report it (see helpers). */
  abstract void damaged(JsonProcessingException e);

  /** Reads the input once (see {@link #pass}), then reports the warnings held back. */
  final void read() {
    try {
      pass();
    } finally {
      problems.finish();
    }
  }

  /**
   * One pass over the input. Returns normally on damage after the format was recognized; throws
   * {@link UnreadableResultFileException} when the input is not JSON or cannot be read.
   */
  final void pass() {
    try (InputStream in = input.openOrFail();
        JsonParser p = JsonInput.open(in)) {
      run(p);
    } catch (JsonProcessingException e) {
      if (!recognized) {
        throw new UnreadableResultFileException(
            file,
            "not well-formed JSON: %s (line %d, column %d)"
                .formatted(JsonInput.reason(e), JsonInput.line(e), JsonInput.column(e)),
            e);
      }
      damaged(e);
    } catch (IOException e) {
      throw new UnreadableResultFileException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Moves to the document's first token, which must start an object; else it is not this format.
   */
  final void startObject(JsonParser p, String notAnObject) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new UnreadableResultFileException(file, notAnObject);
    }
  }

  /**
   * Reads the array the parser is at one element at a time, so that memory holds one: each object
   * is read by {@code read} and handed to {@code use} at once, with {@link #entryLine} saying where
   * it starts. Other values go to {@link #notAnObject} and are skipped.
   */
  final <T> void objects(JsonParser p, Element<T> read, Consumer<T> use) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        notAnObject(p);
        p.skipChildren();
        continue;
      }
      entryLine = JsonInput.line(p);
      use.accept(read.read(p));
      entryLine = 0;
    }
  }

  /** An array element that is not an object, about to be skipped. */
  void notAnObject(JsonParser p) {}

  /** A duration in milliseconds; a value that is not one gives a warning and null. */
  final Duration millis(String text, long line, String test) {
    Duration duration = Values.millis(text);
    if (duration == null && text != null) {
      problems.warn(
          "invalid duration",
          line,
          "invalid duration \"%s\" on test '%s'; stored as unknown".formatted(text, test));
    }
    return duration;
  }

  /** " inside the test starting at line 12 (not counted)" while an element is read, else "". */
  final String inside(String element) {
    return entryLine > 0
        ? " inside the " + element + " starting at line " + entryLine + " (not counted)"
        : "";
  }

  /** " of the 7 that stats declares" when {@code declaredIn} holds a count under {@code key}. */
  static String ofDeclared(JsonNode declaredIn, String key, String declarer) {
    long declared = declaredIn == null ? -1 : Values.count(declaredIn.path(key).asText(null));
    return declared >= 0 ? " of the " + declared + " that " + declarer + " declares" : "";
  }

  /**
   * Reports where the file broke.
   *
   * @param recovered what was read, e.g. "3 tests recovered of the 7 that stats declares"
   * @param writer who wrote the file, for the likely cause of a truncation
   */
  final void reportDamage(
      JsonProcessingException e, String inside, String recovered, String writer) {
    problems.error(
        JsonInput.line(e), JsonInput.column(e), JsonInput.damage(e, inside, recovered, writer));
  }
}
