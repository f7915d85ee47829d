package dev.evident.formats;

import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gives TAP results their suite and emits them. A child stream usually comes before its parent test
 * point, so its results wait until that point names the stream, unless a {@code # Subtest:} line
 * announced the name. At most {@link #MAX_HELD} results (or {@link #MAX_HELD_CHARS} characters of
 * failure text) wait; past that, unnamed streams are named {@value #UNNAMED} and emitted.
 */
final class TapSuites {

  static final String UNNAMED = "(unnamed subtest)";
  static final int MAX_HELD = 10_000;
  static final long MAX_HELD_CHARS = 16L * 1024 * 1024;

  /** Distinct test names tracked per file to tell repeated descriptions apart. */
  private static final int MAX_NAMES = 200_000;

  private final ResultSink sink;
  private final ProblemLog problems;
  private final Map<Long, Integer> names = new HashMap<>();
  private boolean namesFull;
  private int heldCount;
  private long heldChars;
  long emitted;

  TapSuites(ResultSink sink, ProblemLog problems) {
    this.sink = sink;
    this.problems = problems;
  }

  /** Emits the result when its stream's suite is known, else holds it in that stream. */
  void add(TapLevel level, TestResult result, String suffix, Deque<TapLevel> open) {
    if (level.named()) {
      emit(result, join(level.suite(), suffix));
      return;
    }
    level.hold(result, suffix);
    heldCount++;
    heldChars += size(result);
    if (heldCount > MAX_HELD || heldChars > MAX_HELD_CHARS) {
      nameUnnamed(open);
    }
  }

  /** A stream has its name now: its held results move up to its parent (or out). */
  void passUp(TapLevel level, Deque<TapLevel> open) {
    if (level.held == null) {
      return;
    }
    List<TapLevel.Held> held = level.held;
    level.held = null;
    for (TapLevel.Held h : held) {
      heldCount--;
      heldChars -= size(h.result());
      add(level.parent(), h.result(), join(level.name, h.suffix()), open);
    }
  }

  /** Too much waits for parent test points: name the open streams that have no name yet. */
  private void nameUnnamed(Deque<TapLevel> open) {
    problems.warn(
        "too many subtest results held",
        open.peek().startLine,
        "more than "
            + MAX_HELD
            + " subtest results (or "
            + MAX_HELD_CHARS / (1024 * 1024)
            + " M characters) before their parent test points; their suite is named '"
            + UNNAMED
            + "'");
    for (Iterator<TapLevel> it = open.descendingIterator(); it.hasNext(); ) {
      TapLevel level = it.next();
      if (level.name == null) {
        level.name = UNNAMED;
      }
      if (level.held != null) {
        for (TapLevel.Held h : level.held) {
          emit(h.result(), join(level.suite(), h.suffix()));
        }
        level.held = null;
      }
    }
    heldCount = 0;
    heldChars = 0;
  }

  /**
   * Emits a result under its suite. TAP descriptions are not identities: tape repeats "should be
   * equal" in every test. A repeated name in one suite gets its occurrence as parameters ({@code
   * #2}, {@code #3}), so that the receiver does not merge it with the first as a rerun.
   */
  private void emit(TestResult r, String suite) {
    String name = r.id().name();
    long key = new TestId(suite, name).key();
    Integer seen = names.get(key);
    String occurrence = "";
    if (seen != null) {
      names.put(key, seen + 1);
      occurrence = "#" + (seen + 1);
    } else if (names.size() < MAX_NAMES) {
      names.put(key, 1);
    } else if (!namesFull) {
      namesFull = true;
      problems.warn(
          "too many distinct names",
          0,
          "more than " + MAX_NAMES + " distinct test names; later repeats are not told apart");
    }
    emitted++;
    sink.test(
        new TestResult(
            new TestId(suite, name, occurrence),
            r.outcome(),
            r.duration(),
            r.failure(),
            r.earlierAttempts(),
            r.stdout(),
            r.stderr(),
            r.source(),
            r.tags(),
            r.properties()));
  }

  private static long size(TestResult r) {
    return 64L + r.failure().message().length() + r.failure().details().length();
  }

  static String join(String head, String tail) {
    return tail.isEmpty() ? head : head + " > " + tail;
  }
}
