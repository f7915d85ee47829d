package dev.evident.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the deepest cause in a failure text and its innermost frames, for the traces of Java (and
 * Kotlin), JavaScript, Python, pytest, Go and Rust. Frames of test frameworks, reflection and
 * runtimes are skipped: they are the same for every failure and would make unrelated failures look
 * alike. Frames come out innermost first, without line numbers and directories ({@code
 * java.net.Socket.connect}, {@code connection.py:connect}, {@code Object.<anonymous>
 * cart.test.js}), not yet normalised.
 */
final class StackTraces {

  /** The deepest cause's header line (empty when the text shows none) and its frames. */
  record Trace(String cause, List<String> frames) {}

  private static final Trace NONE = new Trace("", List.of());

  /** Texts are read up to this many lines: the frames that matter come first. */
  private static final int MAX_LINES = 2_000;

  private static final String[] FRAMEWORK_FRAMES = {
    "org.junit.",
    "junit.",
    "org.opentest4j.",
    "org.assertj.",
    "org.hamcrest.",
    "org.testng.",
    "org.apache.maven.surefire.",
    "org.gradle.",
    "worker.org.gradle.",
    "jdk.internal.reflect.",
    "java.lang.reflect.",
    "sun.reflect.",
    "org.spockframework.",
    "kotlin.test.",
    "runtime.",
    "testing.",
    "std::",
    "core::",
    "test::",
    "alloc::"
  };

  private static final String[] FRAMEWORK_PATHS = {
    "node:internal",
    "internal/",
    "node_modules/jest-",
    "node_modules/expect/",
    "node_modules/mocha/",
    "node_modules/vitest/",
    "node_modules/@vitest/",
    "node_modules/chai/",
    "node_modules/@jest/",
    "_pytest/",
    "_pytest\\",
    "pluggy/",
    "pluggy\\",
    "unittest/case.py",
    "unittest\\case.py",
    "<frozen importlib",
    "/testing/testing.go",
    "/runtime/",
    "rustc/"
  };

  private StackTraces() {}

  static Trace parse(String text, int maxFrames) {
    if (text.isBlank()) {
      return NONE;
    }
    int python = text.indexOf("Traceback (most recent call last):");
    if (python >= 0) {
      return python(text, python, maxFrames);
    }
    int caused = text.lastIndexOf("Caused by: ");
    if (caused >= 0) {
      int end = lineEnd(text, caused);
      String cause = text.substring(caused + "Caused by: ".length(), end).strip();
      return new Trace(cause, atFrames(text, end + 1, maxFrames));
    }
    return lines(text, maxFrames);
  }

  /** Python prints the original exception first: its block holds the deepest cause. */
  private static Trace python(String text, int start, int max) {
    List<String> frames = new ArrayList<>();
    String cause = "";
    int i = lineEnd(text, start) + 1;
    for (int lines = 0; i < text.length() && lines < MAX_LINES; lines++) {
      int end = lineEnd(text, i);
      String line = text.substring(i, end);
      String stripped = line.strip();
      if (stripped.startsWith("File \"")) {
        int close = stripped.indexOf('"', 6);
        int in = stripped.lastIndexOf(", in ");
        if (close > 0) {
          String path = stripped.substring(6, close);
          String function = in > close ? stripped.substring(in + 5).strip() : "";
          if (!frameworkPath(path)) {
            frames.add(basename(path) + (function.isEmpty() ? "" : ":" + function));
          }
        }
      } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        cause = stripped;
        break;
      }
      i = end + 1;
    }
    return new Trace(cause, innermost(frames, max));
  }

  /** The {@code at ...} lines from a position on, as Java and JavaScript print them. */
  private static List<String> atFrames(String text, int from, int max) {
    List<String> frames = new ArrayList<>();
    int i = from;
    for (int lines = 0; i < text.length() && lines < MAX_LINES && frames.size() < max; lines++) {
      int end = lineEnd(text, i);
      String line = text.substring(i, end).strip();
      if (line.startsWith("at ")) {
        addFrame(frames, atFrame(line.substring(3).strip()));
      } else if (!frames.isEmpty() && !line.startsWith("...")) {
        break;
      }
      i = end + 1;
    }
    return frames;
  }

  /**
   * Texts without a Python traceback or a Java cause: at-frames, pytest, Go and Rust lines. Lines
   * that match nothing cost no allocation: a JUnit trace has dozens of them.
   */
  private static Trace lines(String text, int max) {
    List<String> outermostFirst = new ArrayList<>();
    List<String> innermostFirst = new ArrayList<>();
    String cause = "";
    int i = 0;
    for (int lines = 0; i < text.length() && lines < MAX_LINES; lines++) {
      int end = lineEnd(text, i);
      int start = i;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      int token = start;
      while (token < end && !Character.isWhitespace(text.charAt(token))) {
        token++;
      }
      if (text.startsWith("at ", start) && token + 1 < end) {
        if (innermostFirst.size() < max) {
          addFrame(innermostFirst, atFrame(text.substring(start + 3, end).strip()));
        }
      } else if (text.startsWith("E ", start)) {
        if (cause.isEmpty()) {
          cause = text.substring(start + 2, end).strip(); // pytest: the first error comes first
        }
      } else if (start == i && location(text, start, token, ".py:")) {
        String path = text.substring(start, indexIn(text, ".py:", start, end) + 3);
        int in = indexIn(text, ": in ", start, end);
        if (!frameworkPath(path)) {
          String function = in > 0 ? ":" + text.substring(in + 5, end).strip() : "";
          outermostFirst.add(basename(path) + function);
        }
      } else if (location(text, start, token, ".go:") && text.startsWith(": ", token - 1)) {
        addFrame(
            innermostFirst, basename(text.substring(start, indexIn(text, ".go:", start, end) + 3)));
        if (cause.isEmpty()) {
          cause = text.substring(token + 1, end).strip(); // x_test.go:12: the message
        }
      } else if (start > i && text.charAt(i) == '\t' && location(text, start, token, ".go:")) {
        goPanicFrame(text, i, innermostFirst); // the function is on the line before its file
      } else if (text.startsWith("thread '", start)
          && indexIn(text, "panicked at ", start, end) > 0) {
        String line = text.substring(start, end);
        String at = line.substring(line.indexOf("panicked at ") + 12);
        int comma = at.lastIndexOf(", ");
        String location = comma > 0 ? at.substring(comma + 2) : at;
        addFrame(innermostFirst, basename(trimEnd(location, ':')));
        if (comma > 0 && cause.isEmpty()) {
          cause = at.substring(0, comma).replaceAll("^'|'$", ""); // panicked at 'msg', file
        } else if (cause.isEmpty() && end + 1 < text.length()) {
          cause = text.substring(end + 1, lineEnd(text, end + 1)).strip();
        }
      }
      if (innermostFirst.size() >= max && outermostFirst.isEmpty()) {
        break; // a Java or JavaScript trace: the frames that count are the first ones
      }
      i = end + 1;
    }
    List<String> frames = new ArrayList<>(innermostFirst);
    for (int k = outermostFirst.size() - 1; k >= 0 && frames.size() < max; k--) {
      addFrame(frames, outermostFirst.get(k));
    }
    return new Trace(cause, frames.size() > max ? frames.subList(0, max) : frames);
  }

  /**
   * Whether the token from start to end is {@code path.ext:LINE...} (a pytest location, a Go test's
   * log line, a Go panic's file line).
   */
  private static boolean location(String text, int start, int end, String extension) {
    int at = indexIn(text, extension, start, end);
    int digit = at + extension.length();
    return at > start && digit < end && Character.isDigit(text.charAt(digit));
  }

  /** Like {@link String#indexOf(String, int)}, but not past {@code to}: one line, not the rest. */
  private static int indexIn(String text, String needle, int from, int to) {
    for (int k = from; k + needle.length() <= to; k++) {
      if (text.charAt(k) == needle.charAt(0) && text.startsWith(needle, k)) {
        return k;
      }
    }
    return -1;
  }

  private static void goPanicFrame(String text, int fileLineStart, List<String> frames) {
    int previousEnd = fileLineStart - 1;
    int previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
    String function = text.substring(previousStart, previousEnd).strip();
    int args = function.lastIndexOf('(');
    if (args > 0 && function.endsWith(")") && !frameworkFrame(function)) {
      addFrame(frames, function.substring(0, args));
    }
  }

  /** {@code fn (path:line:col)}, {@code pkg.Class.method(File.java:12)} or {@code path:line}. */
  private static String atFrame(String frame) {
    if (frame.startsWith("async ")) {
      frame = frame.substring(6);
    }
    int open = frame.indexOf('(');
    if (open > 0 && frame.endsWith(")")) {
      String function = frame.substring(0, open).strip();
      String location = frame.substring(open + 1, frame.length() - 1);
      if (location.indexOf('/') >= 0 || location.indexOf('\\') >= 0) {
        return frameworkPath(location) ? "" : function + " " + basename(location);
      }
      String name = function.substring(function.lastIndexOf('/') + 1); // java.base/java.net...
      return frameworkFrame(name) ? "" : name;
    }
    return frameworkPath(frame) ? "" : basename(frame);
  }

  private static void addFrame(List<String> frames, String frame) {
    if (!frame.isEmpty() && (frames.isEmpty() || !frames.get(frames.size() - 1).equals(frame))) {
      frames.add(frame);
    }
  }

  private static List<String> innermost(List<String> outermostFirst, int max) {
    List<String> frames = new ArrayList<>();
    for (int k = outermostFirst.size() - 1; k >= 0 && frames.size() < max; k--) {
      addFrame(frames, outermostFirst.get(k));
    }
    return frames;
  }

  private static boolean frameworkFrame(String frame) {
    for (String prefix : FRAMEWORK_FRAMES) {
      if (frame.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean frameworkPath(String path) {
    for (String part : FRAMEWORK_PATHS) {
      if (path.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static String basename(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1).strip();
  }

  private static String trimEnd(String s, char c) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == c) {
      end--;
    }
    return s.substring(0, end);
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }
}
