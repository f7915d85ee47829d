package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TAP 12, 13 and 14 streams: test points with SKIP and TODO directives, YAML diagnostic
 * blocks, plans, Bail out!, and subtests both as TAP 14 / node-tap write them ({@code # Subtest:
 * name}, an indented child stream, then the parent test point) and as plain indented child streams
 * before their parent test point. Every test point is a test; subtests get the parent descriptions
 * as suite. An invalid stream (misplaced version line or plan, a second plan, stray YAML, fewer
 * test points than planned, no plan) yields an ERROR problem naming the line, and everything that
 * could be read is kept.
 */
final class TapReader implements ResultReader {

  private static final Pattern PLAN = Pattern.compile("^(\\d{1,18})\\.\\.(\\d{1,18})\\s*(#.*)?$");
  private static final Pattern VERSION =
      Pattern.compile("^TAP version\\s+(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BAIL_OUT =
      Pattern.compile("^Bail out!(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBTEST =
      Pattern.compile("^#\\s*Subtest(?::\\s*(.*))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME_COMMENT =
      Pattern.compile("^#\\s*time=\\s*(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRAGMA = Pattern.compile("^pragma\\s+[+-]\\S+\\s*$");

  @Override
  public Format format() {
    return Format.TAP;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    int baseIndent;
    try {
      baseIndent = TapLines.baseIndent(input);
    } catch (IOException e) {
      throw new UnreadableResultFileException(input.name(), "cannot read: " + e.getMessage(), e);
    }
    if (baseIndent < 0) {
      throw new UnreadableResultFileException(
          input.name(), "not TAP: no test point, plan, version or 'Bail out!' line");
    }
    TapStreams streams = new TapStreams(input.name(), baseName(input.name()), sink);
    Parse parse = new Parse(streams, baseIndent);
    try (TapLines lines = new TapLines(input.openOrFail())) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        parse.line(line, lines.number());
      }
      parse.finish(lines.number());
    } catch (IOException | UncheckedIOException e) {
      streams.problems.cannotRead(parse.lastLine, e.getMessage());
      parse.finish(parse.lastLine);
    } finally {
      streams.problems.finish();
    }
  }

  /** The file name without directories: the suite of the top-level test points. */
  static String baseName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  /** Line by line: YAML blocks, then the kinds of TAP lines, then everything else. */
  private static final class Parse {
    final TapStreams streams;
    final int baseIndent;
    long lastLine;
    boolean finished;

    /** The YAML block being read and the test point it belongs to (null: read and dropped). */
    TapYaml yaml;

    int yamlIndent;
    long yamlLine;
    TapPending yamlTarget;

    Parse(TapStreams streams, int baseIndent) {
      this.streams = streams;
      this.baseIndent = baseIndent;
    }

    void line(String text, long number) {
      lastLine = number;
      if (yaml != null && inYaml(text, number)) {
        return;
      }
      String content = text.strip();
      if (content.isEmpty()) {
        return;
      }
      int indent = TapLines.indent(text);
      int depth = Math.max(0, indent - baseIndent);
      if (content.equals("---")) {
        startYaml(indent, number);
        return;
      }
      TapTestPoint point = TapTestPoint.parse(content);
      if (point != null) {
        streams.testPoint(point, depth, indent, number);
        return;
      }
      Matcher m;
      if ((m = PLAN.matcher(content)).matches()) {
        streams.plan(m.group(1), m.group(2), depth, number);
      } else if ((m = VERSION.matcher(content)).matches()) {
        streams.version(m.group(1), depth, number);
      } else if ((m = BAIL_OUT.matcher(content)).matches()) {
        streams.bailOut(m.group(1).strip(), number);
      } else if ((m = SUBTEST.matcher(content)).matches()) {
        streams.subtest(m.group(1) == null ? "" : m.group(1).strip(), depth, number);
      } else if ((m = TIME_COMMENT.matcher(content)).matches()) {
        streams.time(m.group(1), depth, number);
      } else if (!content.startsWith("#") && !PRAGMA.matcher(content).matches()) {
        streams.other(text, indent);
      }
    }

    private void startYaml(int indent, long number) {
      yaml = new TapYaml(indent);
      yamlIndent = indent;
      yamlLine = number;
      yamlTarget = streams.yamlTarget(indent, number);
    }

    /** Whether the line belongs to the open YAML block; ends the block when it does not. */
    private boolean inYaml(String text, long number) {
      String content = text.strip();
      int indent = TapLines.indent(text);
      if (content.equals("...") && indent <= yamlIndent) {
        endYaml();
        return true;
      }
      boolean tapLine = TapLines.isTapLine(content);
      if (content.isEmpty() || indent > yamlIndent || (indent == yamlIndent && !tapLine)) {
        yaml.add(text);
        return true;
      }
      // The block's indentation lets us recover from a missing '...' (TAP 13 says so).
      streams.problems.yamlWithoutEnd(yamlLine, number);
      endYaml();
      return false;
    }

    private void endYaml() {
      if (yamlTarget != null) {
        yamlTarget.yaml(yaml);
      }
      yaml = null;
      yamlTarget = null;
    }

    void finish(long lines) {
      if (finished) {
        return;
      }
      finished = true;
      if (yaml != null) {
        streams.problems.yamlOpenAtEnd(yamlLine, lines);
        endYaml();
      }
      streams.finish(lines);
      if (streams.runTime != null) {
        streams.sink.suite(
            new SuiteInfo(
                streams.base, null, streams.runTime, Map.of(), Excerpt.EMPTY, Excerpt.EMPTY));
      }
    }
  }

  /** A bail-out as a run error: scope is the whole run. */
  static RunError bailOut(String file, String reason, long line) {
    return new RunError(
        RunError.Kind.BAIL_OUT,
        "",
        new Failure("", reason.isEmpty() ? "Bail out!" : reason, ""),
        Location.of(file, line));
  }
}
