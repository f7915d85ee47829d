package dev.evident.formats;

import java.util.HashMap;
import java.util.Map;

/**
 * The problems a TAP stream can have, one method each, so that the messages read alike. Errors mark
 * an invalid stream (the file is rejected, what was read is kept); like warnings, at most a few of
 * each kind are reported per file, then how many more there were.
 */
final class TapProblems {

  private static final int ERRORS_PER_KIND = 5;

  final ProblemLog log;
  private final Map<String, Integer> errorKinds = new HashMap<>();
  private final Map<String, Long> firstOmitted = new HashMap<>();

  TapProblems(ProblemLog log) {
    this.log = log;
  }

  void bareOkAfterPlan(long line, long planLine) {
    log.warn(
        "bare 'ok' after the plan",
        line,
        "bare 'ok' after the closing plan (line "
            + planLine
            + ") taken as an end-of-tests mark, not a test point");
  }

  void testPointAfterPlan(long line, long planLine) {
    error(
        "test point after the plan",
        line,
        "test point at line "
            + line
            + " comes after the plan at line "
            + planLine
            + ": a plan must come before all test points or after all of them");
  }

  void numberOutOfSequence(long line, long number, long expected) {
    log.warn(
        "test number out of sequence",
        line,
        "test number " + number + " out of sequence (expected " + expected + ")");
  }

  void secondPlan(long line, long firstLine, boolean empty) {
    if (empty) {
      // tape run under node-tap prints its own '1..0' after the child's real plan
      log.warn(
          "second plan 1..0",
          line,
          "second plan '1..0' ignored (the plan is at line " + firstLine + ")");
    } else {
      error(
          "second plan",
          line,
          "second plan at line "
              + line
              + " (the first is at line "
              + firstLine
              + "): a TAP stream has one plan");
    }
  }

  void planNotStartingAtOne(long line, long start, long end) {
    log.warn("plan not starting at 1", line, "plan " + start + ".." + end + " does not start at 1");
  }

  void misplacedVersion(long line) {
    error(
        "misplaced version line",
        line,
        "'TAP version' at line "
            + line
            + " is not the first TAP line of its stream: it must come before the plan and the test"
            + " points");
  }

  void unknownVersion(long line, String version) {
    log.warn("unknown TAP version", line, "TAP version " + version + " unknown; read as TAP 14");
  }

  void invalidTime(long line, String value) {
    log.warn("invalid duration", line, "invalid duration 'time=" + value + "'");
  }

  void yamlIndentedLess(long line, long pointLine) {
    error(
        "YAML block indented less than its test point",
        line,
        "YAML block at line "
            + line
            + " is indented less than its test point at line "
            + pointLine
            + ": wrong indentation, the block is not read");
  }

  void yamlNotIndented(long line, long pointLine) {
    log.warn(
        "YAML block not indented",
        line,
        "YAML block is not indented below its test point (line " + pointLine + "); read anyway");
  }

  void yamlWithoutTestPoint(long line) {
    error(
        "YAML block without a test point",
        line,
        "YAML block at line " + line + " has no test point before it");
  }

  void yamlApartFromTestPoint(long line, long pointLine) {
    error(
        "YAML block without a test point",
        line,
        "YAML block at line "
            + line
            + " does not follow its test point (line "
            + pointLine
            + "): other lines come between; the block is not read");
  }

  void yamlAfterOtherLine(long line) {
    log.warn(
        "YAML block after a plan or comment",
        line,
        "YAML block follows a plan, version, subtest or 'Bail out!' line, not a test point;"
            + " ignored");
  }

  void yamlWithoutEnd(long line, long before) {
    log.warn(
        "YAML block without '...'",
        line,
        "YAML block from line "
            + line
            + " has no closing '...'; it is taken to end before line "
            + before);
  }

  void yamlOpenAtEnd(long line, long lines) {
    error(
        "YAML block open at the end",
        line,
        "YAML block from line "
            + line
            + " is not closed with '...' before the end of the file at line "
            + lines
            + ": the stream may be truncated");
  }

  void subtestWithoutParent(TapLevel level, long line, boolean atEnd, boolean bailedOut) {
    String message =
        "subtest '"
            + level.name
            + "' from line "
            + level.startLine
            + (atEnd
                ? " is not closed by a parent test point before the end of the file"
                : " is not closed by a parent test point (line " + line + " comes instead)")
            + "; its "
            + count(level.points, "test point")
            + (level.points == 1 ? " is" : " are")
            + " kept";
    if (bailedOut) {
      log.warn("subtest without its test point after Bail out!", level.startLine, message);
    } else {
      error(
          "subtest without its parent test point",
          level.startLine,
          message + ": the run may have stopped early");
    }
  }

  void noPlan(long line, long points) {
    error(
        "no plan",
        line,
        "no plan (1..N) in the TAP stream, "
            + count(points, "test point")
            + " read: TAP requires the plan first or last, and without it the run may have stopped"
            + " early unnoticed");
  }

  void subtestWithoutPlan(TapLevel level) {
    log.warn(
        "subtest without a plan",
        level.startLine,
        "subtest '" + level.name + "': no plan in the subtest from line " + level.startLine);
  }

  /** The plan and the count differ: fewer is an error (the run stopped early), more a warning. */
  void planMismatch(TapLevel level, long counted, boolean top) {
    String message =
        (top ? "" : "subtest '" + level.name + "': ")
            + "plan says "
            + count(level.plan, "test")
            + ", "
            + counted
            + " found";
    if (counted < level.plan) {
      error(
          "fewer test points than planned",
          level.planLine,
          message + ": the run may have stopped early");
    } else {
      log.warn("more test points than planned", level.planLine, message);
    }
  }

  void readAfterBailOut(long bailLine, long points) {
    log.warn(
        "test points after Bail out!",
        bailLine,
        count(points, "test point")
            + " after 'Bail out!' at line "
            + bailLine
            + (points == 1 ? " was" : " were")
            + " read anyway; plan counts stop at the bail-out");
  }

  void cannotRead(long line, String reason) {
    log.error(
        line,
        0,
        "cannot read further: " + reason + "; the test points before line " + line + " are kept");
  }

  /** Reports how many errors of each kind were held back, then the held-back warnings. */
  void finish() {
    errorKinds.forEach(
        (kind, seen) -> {
          if (seen > ERRORS_PER_KIND) {
            log.error(
                firstOmitted.get(kind),
                0,
                (seen - ERRORS_PER_KIND) + " more of: " + kind + " (first of them at this line)");
          }
        });
    log.finish();
  }

  private void error(String kind, long line, String message) {
    int seen = errorKinds.merge(kind, 1, Integer::sum);
    if (seen <= ERRORS_PER_KIND) {
      log.error(line, 0, message);
    } else {
      firstOmitted.putIfAbsent(kind, line);
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
