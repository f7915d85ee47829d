package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Outcome;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the output of Mocha's JSON reporter: {@code stats}, then {@code tests} (every test), then
 * {@code pending}, {@code failures} and {@code passes}, which repeat entries of {@code tests}.
 * Outcomes come from {@code tests}: a test failed when its {@code err} is not empty, and was
 * pending when {@code pending} lists it. Since {@code pending} follows {@code tests}, the reader
 * first skims the file for that list alone, then streams the tests, emitting each at once: memory
 * grows with the number of pending tests, never with the output. (Holding a million passed tests
 * until {@code pending} is read took more than 256 MB.) Failures that {@code tests} does not list
 * are failed hooks and become run errors. A file without {@code tests} is read a second time,
 * taking its tests from the three lists.
 */
final class MochaJsonReader implements ResultReader {

  @Override
  public Format format() {
    return Format.MOCHA;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    Parse parse = new Parse(input, sink);
    try {
      pass(input, parse);
      if (parse.needsListPass()) {
        parse.startListMode();
        pass(input, parse);
      }
    } finally {
      parse.problems.finish();
    }
  }

  /** One pass over the file. */
  private static void pass(ResultInput input, Parse parse) {
    try (InputStream in = input.openOrFail();
        JsonParser p = JsonInput.open(in)) {
      parse.run(p);
      parse.finish(false);
    } catch (JsonProcessingException e) {
      if (!parse.recognized) {
        throw new UnreadableResultFileException(
            input.name(),
            "not well-formed JSON: %s (line %d, column %d)"
                .formatted(JsonInput.reason(e), JsonInput.line(e), JsonInput.column(e)));
      }
      if (parse.needsListPass() && !parse.listMode) {
        return; // the second pass reads the lists up to the damage and reports it
      }
      parse.finish(true);
      parse.damaged(e);
    } catch (IOException e) {
      throw new UnreadableResultFileException(input.name(), "cannot read: " + e.getMessage(), e);
    }
  }

  private static final class Parse {
    final String file;
    final ResultSink sink;
    final ProblemLog problems;
    boolean listMode;
    boolean recognized;
    boolean sawTests;
    boolean sawLists;
    JsonNode stats;
    long statsLine;
    long entryLine;

    /** Pending entries not yet matched with a test, by key; null until {@code pending} is read. */
    Map<String, ArrayDeque<MochaTest>> pending;

    /** Keys of failed tests, with their number, to recognize their repeats in {@code failures}. */
    final Map<String, Integer> failed = new HashMap<>();

    /** Hook failures read before {@code tests}. */
    final List<MochaTest> earlyHooks = new ArrayList<>();

    final Map<Outcome, Long> counts = new LinkedHashMap<>();
    long hookFailures;
    long recovered;

    final ResultInput input;
    boolean pendingRead;
    long guessed;

    Parse(ResultInput input, ResultSink sink) {
      this.input = input;
      this.file = input.name();
      this.sink = sink;
      this.problems = new ProblemLog(file, sink);
    }

    boolean needsListPass() {
      return !sawTests && sawLists;
    }

    /** Forgets what the first pass gathered for matching: the lists are the tests now. */
    void startListMode() {
      listMode = true;
      earlyHooks.clear();
      pending = null;
    }

    void run(JsonParser p) throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableResultFileException(
            file, "not Mocha JSON: the JSON is not an object with \"stats\" and \"tests\"");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (p.currentToken() != JsonToken.START_ARRAY && !field.equals("stats")) {
          p.skipChildren();
          continue;
        }
        switch (field) {
          case "stats" -> {
            recognized = true;
            statsLine = JsonInput.line(p);
            stats = JsonInput.tree(p);
          }
          case "tests" -> {
            recognized = true;
            sawTests = true;
            if (!listMode && !pendingRead) {
              pending = MochaTest.pendingList(input);
              pendingRead = pending != null;
            }
            each(p, listMode ? null : this::test);
          }
          case "pending" -> {
            recognized = sawLists = true;
            if (listMode) {
              each(p, t -> emit(t, Outcome.SKIPPED));
            } else if (pendingRead) {
              p.skipChildren();
            } else {
              pending = new LinkedHashMap<>();
              pendingRead = true;
              each(p, this::pendingEntry);
            }
          }
          case "failures" -> {
            recognized = sawLists = true;
            each(p, listMode ? this::failureInList : this::failureEntry);
          }
          case "passes" -> {
            recognized = sawLists = true;
            each(p, listMode ? t -> emit(t, Outcome.PASSED) : null);
          }
          default -> p.skipChildren();
        }
      }
      if (!recognized) {
        throw new UnreadableResultFileException(
            file, "JSON without \"stats\" or \"tests\": not Mocha JSON reporter output");
      }
    }

    private void each(JsonParser p, Consumer<MochaTest> entry) throws IOException {
      if (entry == null) {
        p.skipChildren();
        return;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        entryLine = JsonInput.line(p);
        entry.accept(MochaTest.read(p));
        entryLine = 0;
      }
    }

    private void test(MochaTest t) {
      if (t.hasError) {
        failed.merge(t.key(), 1, Integer::sum);
        emit(t, Outcome.FAILED);
      } else if (pending != null) {
        ArrayDeque<MochaTest> same = pending.get(t.key());
        emit(t, same != null && same.poll() != null ? Outcome.SKIPPED : Outcome.PASSED);
      } else {
        // No "pending" list (cut off, or not written): Mocha gives pending tests no duration.
        boolean pendingShape = t.durationText == null;
        guessed += pendingShape ? 1 : 0;
        emit(t, pendingShape ? Outcome.SKIPPED : Outcome.PASSED);
      }
    }

    private void pendingEntry(MochaTest t) {
      pending.computeIfAbsent(t.key(), k -> new ArrayDeque<>()).add(t);
    }

    private void failureEntry(MochaTest t) {
      Integer n = failed.get(t.key());
      if (n != null) {
        if (n == 1) {
          failed.remove(t.key());
        } else {
          failed.put(t.key(), n - 1);
        }
      } else if (!sawTests) {
        if (t.isHook()) {
          earlyHooks.add(t);
        }
      } else {
        hookError(t);
      }
    }

    private void failureInList(MochaTest t) {
      if (t.isHook()) {
        hookError(t);
      } else {
        emit(t, Outcome.FAILED);
      }
    }

    /** A failure outside any listed test: a hook, or an uncaught error outside the suites. */
    private void hookError(MochaTest t) {
      hookFailures++;
      sink.runError(t.runError(file));
    }

    private void emit(MochaTest t, Outcome base) {
      String name = t.name();
      if (name == null || name.isBlank()) {
        problems.warn(
            "test without a title", t.line, "test without a title, stored as '(unnamed)'");
        name = "(unnamed)";
      }
      Duration duration = Values.millis(t.durationText);
      if (duration == null && t.durationText != null) {
        problems.warn(
            "invalid duration",
            t.line,
            "invalid duration \"%s\" on test '%s'; stored as unknown"
                .formatted(t.durationText, name));
      }
      TestResult result = t.result(base, name, duration);
      counts.merge(result.outcome(), 1L, Long::sum);
      recovered++;
      sink.test(result);
    }

    /** Emits what only the lists hold at the end of a pass, then checks the declared stats. */
    void finish(boolean damaged) {
      if (listMode == needsListPass()) {
        if (guessed > 0 && !damaged) {
          problems.warn(
              "no pending list",
              statsLine,
              "no \"pending\" list: %d tests without a duration counted as pending"
                  .formatted(guessed));
        }
        if (pending != null && sawTests) {
          pending.values().forEach(left -> left.forEach(t -> emit(t, Outcome.SKIPPED)));
        }
        earlyHooks.forEach(this::hookError);
        if (!damaged) {
          checkDeclared();
        }
      }
    }

    private void checkDeclared() {
      if (stats == null || !stats.isObject()) {
        return;
      }
      long passed = count(Outcome.PASSED) + count(Outcome.FLAKY);
      long failures = count(Outcome.FAILED) + count(Outcome.ERRORED) + hookFailures;
      StringBuilder off = new StringBuilder();
      JsonInput.mismatch(off, stats, "tests", recovered);
      JsonInput.mismatch(off, stats, "passes", passed);
      JsonInput.mismatch(off, stats, "failures", failures);
      JsonInput.mismatch(off, stats, "pending", count(Outcome.SKIPPED));
      if (!off.isEmpty()) {
        problems.warn(
            "declared counts disagree with the content",
            statsLine,
            "stats declares " + off + "; counting the tests in the file");
      }
    }

    private long count(Outcome outcome) {
      return counts.getOrDefault(outcome, 0L);
    }

    void damaged(JsonProcessingException e) {
      String inside =
          entryLine > 0 ? " inside the entry starting at line " + entryLine + " (not counted)" : "";
      long declared = stats == null ? -1 : Values.count(stats.path("tests").asText(null));
      String recoveredText = recovered + " tests recovered";
      if (declared >= 0) {
        recoveredText += " of the " + declared + " that stats declares";
      }
      if (guessed > 0) {
        recoveredText += " (%d without a duration counted as pending)".formatted(guessed);
      }
      problems.error(
          JsonInput.line(e),
          JsonInput.column(e),
          JsonInput.damage(e, inside, recoveredText, "mocha"));
    }
  }
}
