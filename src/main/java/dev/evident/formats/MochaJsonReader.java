package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Outcome;
import dev.evident.model.TestResult;
import java.io.IOException;
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
      parse.pass();
      if (parse.needsListPass()) {
        parse.startListMode();
        parse.pass();
      }
    } finally {
      parse.problems.finish();
    }
  }

  private static final class Parse extends JsonParse {
    boolean listMode;
    boolean sawTests;
    boolean sawLists;
    JsonNode stats;
    long statsLine;

    /** Pending entries not yet matched with a test, by key; null until {@code pending} is read. */
    Map<String, ArrayDeque<MochaTest>> pending;

    /** Keys of failed tests, with their number, to recognize their repeats in {@code failures}. */
    final Map<String, Integer> failed = new HashMap<>();

    /** Hook failures read before {@code tests}. */
    final List<MochaTest> earlyHooks = new ArrayList<>();

    final Map<Outcome, Long> counts = new LinkedHashMap<>();
    long hookFailures;
    boolean pendingRead;
    long guessed;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
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

    /** One pass: the fields in order, then what only the lists hold (see {@link #finish}). */
    @Override
    void run(JsonParser p) throws IOException {
      startObject(p, "not Mocha JSON: the JSON is not an object with \"stats\" and \"tests\"");
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
      finish(false);
    }

    private void each(JsonParser p, Consumer<MochaTest> entry) throws IOException {
      if (entry == null) {
        p.skipChildren();
      } else {
        objects(p, MochaTest::read, entry);
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
      TestResult result = t.result(base, name, millis(t.durationText, t.line, name));
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
      problems.countsDisagree(statsLine, "stats", off, "tests");
    }

    private long count(Outcome outcome) {
      return counts.getOrDefault(outcome, 0L);
    }

    @Override
    void damaged(JsonProcessingException e) {
      if (needsListPass() && !listMode) {
        return; // the second pass reads the lists up to the damage and reports it
      }
      finish(true);
      String recoveredText = recovered + " tests recovered" + ofDeclared(stats, "tests", "stats");
      if (guessed > 0) {
        recoveredText += " (%d without a duration counted as pending)".formatted(guessed);
      }
      reportDamage(e, inside("entry"), recoveredText, "mocha");
    }
  }
}
