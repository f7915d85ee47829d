package dev.evident.formats;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The nested TAP streams of one input: the top-level stream and the subtest streams open at the
 * current line. Finds the stream each TAP line belongs to by its indentation, checks each stream's
 * plan, version line and numbering, and passes test points on to be named and emitted.
 */
final class TapStreams {

  /** Streams nested deeper than this are read as part of the deepest one. */
  static final int MAX_DEPTH = 64;

  /** What the last TAP line was, to tell where a YAML block belongs. */
  private enum Last {
    NONE,
    POINT,
    OTHER
  }

  final String file;
  final String base;
  final ResultSink sink;
  final TapProblems problems;
  final TapSuites suites;

  /** The whole run's duration, from a top-level {@code # time=} comment; null when none. */
  Duration runTime;

  private final Deque<TapLevel> stack = new ArrayDeque<>();
  private final TapLevel root = new TapLevel(0, null, 1, false);
  private TapPending pending;
  private Last last = Last.NONE;
  private boolean bailed;
  private long bailLine;
  private long afterBail;

  TapStreams(String file, String base, ResultSink sink) {
    this.file = file;
    this.base = base;
    this.sink = sink;
    this.problems = new TapProblems(new ProblemLog(file, sink));
    this.suites = new TapSuites(sink, problems.log);
    root.name = base;
    stack.push(root);
  }

  void testPoint(TapTestPoint point, int depth, int indent, long line) {
    finishPending();
    TapLevel closing = navigate(depth, line, true);
    TapLevel level = stack.peek();
    if (level.planTrailing && point.bare() && level.points == level.plan) {
      problems.bareOkAfterPlan(line, level.planLine);
      if (closing != null) {
        closeLevel(closing, null, line, false);
      }
      last = Last.OTHER;
      return;
    }
    if (level.planTrailing && !level.lateReported) {
      level.lateReported = true;
      problems.testPointAfterPlan(line, level.planLine);
    }
    long number = point.number() >= 0 ? point.number() : level.expected;
    if (point.number() >= 0 && number != level.expected) {
      problems.numberOutOfSequence(line, number, level.expected);
    }
    level.expected = number + 1;
    level.points++;
    level.sawTap = true;
    if (bailed) {
      afterBail++;
    }
    String name = point.description().isEmpty() ? "test " + number : point.description();
    pending = new TapPending(level, point, line, indent, name);
    last = Last.POINT;
    if (closing != null) {
      closeLevel(closing, name, line, false);
      pending.childTime = closing.time;
    }
    // A subtest announced for this point but without a stream of its own ends here.
    level.announced = point.opensBlock() ? name : null;
    level.announcedOpens = point.opensBlock();
  }

  void plan(String startText, String endText, int depth, long line) {
    finishPending();
    navigate(depth, line, false);
    TapLevel level = stack.peek();
    last = Last.OTHER;
    long start = Long.parseLong(startText);
    long end = Long.parseLong(endText);
    if (level.planLine > 0) {
      problems.secondPlan(line, level.planLine, start == 1 && end == 0);
      return;
    }
    if (start != 1) {
      problems.planNotStartingAtOne(line, start, end);
    }
    level.sawTap = true;
    level.planLine = line;
    level.plan = Math.max(0, end - start + 1);
    level.planTrailing = level.points > 0;
  }

  void version(String version, int depth, long line) {
    finishPending();
    navigate(depth, line, false);
    TapLevel level = stack.peek();
    last = Last.OTHER;
    if (level.sawTap) {
      problems.misplacedVersion(line);
    } else if (!version.equals("13") && !version.equals("14")) {
      problems.unknownVersion(line, version);
    }
    level.sawTap = true;
  }

  void bailOut(String reason, long line) {
    finishPending();
    last = Last.OTHER;
    stack.peek().sawTap = true;
    if (!bailed) {
      bailed = true;
      bailLine = line;
      for (TapLevel level : stack) {
        level.countedAtBail = level.points;
      }
    }
    sink.runError(TapReader.bailOut(file, reason, line));
  }

  void subtest(String name, int depth, long line) {
    finishPending();
    navigate(depth, line, false);
    last = Last.OTHER;
    stack.peek().announced = name.isEmpty() ? null : name;
    stack.peek().announcedOpens = false;
  }

  /** A {@code # time=} comment: the duration of the stream it ends. */
  void time(String value, int depth, long line) {
    for (TapLevel level : stack) {
      if (level.depth == depth && level.time == null) {
        level.time = value;
        if (level == root) {
          runTime = TapPending.time(value);
          if (runTime == null) {
            problems.invalidTime(line, value);
          }
        }
      }
    }
  }

  /** A line that is not TAP: kept with the test point above it when indented below it. */
  void other(String text, int indent) {
    if (pending == null) {
      return;
    }
    if (pending.open && indent > pending.indent) {
      pending.extra(text, indent);
    } else {
      pending.open = false;
    }
  }

  /** The test point a YAML block starting here belongs to, or null (after a problem). */
  TapPending yamlTarget(int indent, long line) {
    if (pending != null && pending.open) {
      if (indent < pending.indent) {
        problems.yamlIndentedLess(line, pending.line);
        return null;
      }
      if (indent == pending.indent && !pending.hasYaml()) {
        problems.yamlNotIndented(line, pending.line);
      }
      return pending;
    }
    switch (last) {
      case NONE -> problems.yamlWithoutTestPoint(line);
      case POINT -> problems.yamlApartFromTestPoint(line, pending.line);
      case OTHER -> problems.yamlAfterOtherLine(line);
    }
    return null;
  }

  void finish(long lines) {
    finishPending();
    while (stack.size() > 1) {
      closeLevel(stack.pop(), null, lines, true);
    }
    checkPlan(root, lines);
    if (afterBail > 0) {
      problems.readAfterBailOut(bailLine, afterBail);
    }
  }

  private void finishPending() {
    if (pending != null) {
      TapPending p = pending;
      pending = null;
      suites.add(p.level, p.result(problems.log), "", stack);
    }
  }

  /**
   * Makes the stream at {@code depth} current: ends deeper streams and opens a new one when the
   * line is deeper than the current stream. Returns the child stream that a test point at this line
   * closes as its parent, or null.
   */
  private TapLevel navigate(int depth, long line, boolean testPoint) {
    TapLevel popped = null;
    while (stack.peek().depth > depth) {
      if (popped != null) {
        closeLevel(popped, null, line, false);
      }
      popped = stack.pop();
    }
    if (popped != null) {
      if (testPoint && !popped.opened && stack.peek().depth <= depth) {
        if (stack.peek().depth < depth) {
          // a grandchild stream came first: its parent test point is in a stream opened now
          push(depth, line);
          popped.reparent(stack.peek());
        }
        return popped;
      }
      closeLevel(popped, null, line, false);
    }
    if (stack.peek().depth < depth) {
      push(depth, line);
    }
    return null;
  }

  private void push(int depth, long line) {
    if (stack.size() >= MAX_DEPTH) {
      problems.log.warn(
          "subtests nested too deep",
          line,
          "subtests nested deeper than " + MAX_DEPTH + " levels are read as one stream");
      return;
    }
    TapLevel parent = stack.peek();
    TapLevel child = new TapLevel(depth, parent, line, parent.announcedOpens);
    child.name = parent.announced;
    child.countedAtBail = bailed ? 0 : -1;
    parent.announced = null;
    parent.announcedOpens = false;
    parent.sawTap = true;
    stack.push(child);
  }

  /** Ends a subtest stream: checks its plan and passes its results up. */
  private void closeLevel(TapLevel level, String parentName, long line, boolean atEnd) {
    boolean orphan = parentName == null && !level.opened;
    if (level.name == null) {
      level.name = parentName != null ? parentName : TapSuites.UNNAMED;
    }
    checkPlan(level, line);
    if (orphan) {
      problems.subtestWithoutParent(level, line, atEnd, bailed);
    }
    suites.passUp(level, stack);
  }

  private void checkPlan(TapLevel level, long line) {
    if (level.planLine == 0) {
      if (bailed) {
        return; // the plan would have come at the end, which the bail-out cut off
      }
      if (level == root) {
        problems.noPlan(line, level.points);
      } else {
        problems.subtestWithoutPlan(level);
      }
      return;
    }
    long counted = level.countedAtBail >= 0 ? level.countedAtBail : level.points;
    if ((counted < level.plan && !bailed) || counted > level.plan) {
      problems.planMismatch(level, counted, level == root);
    }
  }
}
