package dev.evident.formats;

import dev.evident.model.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One TAP stream of an input: the top level, or a subtest at a deeper indentation. Holds what its
 * checks need (plan, test point count, numbering) and the results that wait for its name.
 */
final class TapLevel {

  /** A result waiting for its suite; suffix is the subtest chain below the level holding it. */
  record Held(TestResult result, String suffix) {}

  final int depth;
  final long startLine;

  /** Opened by a buffered test point ending in {: its parent is known and came first. */
  final boolean opened;

  /** The stream this one is a subtest of; null for the top level. */
  private TapLevel parent;

  /** The subtest's name: from {@code # Subtest:}, else its parent test point; null until known. */
  String name;

  /** A name announced for the next child stream, by {@code # Subtest:} or a buffered point. */
  String announced;

  boolean announcedOpens;
  long plan = -1;
  long planLine;

  /** The plan came after test points: no test point may follow it. */
  boolean planTrailing;

  boolean lateReported;
  long points;

  /** Test points counted when 'Bail out!' came, or -1: the plan is checked against these. */
  long countedAtBail = -1;

  long expected = 1;
  boolean sawTap;

  /** The value of a {@code # time=} comment in this stream, or null. */
  String time;

  List<Held> held;

  /** The suite, once computed; names above a named stream never change. */
  private String suite;

  TapLevel(int depth, TapLevel parent, long startLine, boolean opened) {
    this.depth = depth;
    this.parent = parent;
    this.startLine = startLine;
    this.opened = opened;
  }

  TapLevel parent() {
    return parent;
  }

  /** Moves this stream under another: a grandchild stream that came before its parent stream. */
  void reparent(TapLevel newParent) {
    parent = newParent;
    suite = null;
  }

  void hold(TestResult result, String suffix) {
    if (held == null) {
      held = new ArrayList<>();
    }
    held.add(new Held(result, suffix));
  }

  /** Whether this stream and all streams above it have their names. */
  boolean named() {
    for (TapLevel l = this; l != null; l = l.parent) {
      if (l.name == null) {
        return false;
      }
    }
    return true;
  }

  /** The suite of this stream's test points: the names from the top down, joined by " > ". */
  String suite() {
    if (suite != null) {
      return suite;
    }
    List<String> names = new ArrayList<>();
    for (TapLevel l = this; l != null; l = l.parent) {
      names.add(l.name);
    }
    StringBuilder joined = new StringBuilder();
    for (int i = names.size() - 1; i >= 0; i--) {
      joined.append(joined.isEmpty() ? "" : " > ").append(names.get(i));
    }
    suite = joined.toString();
    return suite;
  }
}
