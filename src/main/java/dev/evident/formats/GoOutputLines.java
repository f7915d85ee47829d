package dev.evident.formats;

import java.util.regex.Pattern;

/**
 * What a line of Go test output is: the framing that {@code go test -v} prints around tests, a
 * failure line with a source location, a panic, the package summary, or a compiler error. The Go
 * JSON reader keeps framing out of stored output and picks failure messages with it.
 */
final class GoOutputLines {

  /** Longest failure message kept; the whole line stays in the details. */
  static final int MESSAGE_LIMIT = 2000;

  /** {@code t.Error} and {@code t.Log} lines: {@code x_test.go:12: ...}, once prefixed by name. */
  private static final Pattern LOCATED =
      Pattern.compile("^(?:\\S+: )?[^\\s:]+\\.go:\\d+(?::\\d+)?:");

  /** A compiler or vet error as {@code go build} prints it. */
  private static final Pattern COMPILER_ERROR =
      Pattern.compile("^[^\\s:]+\\.(?:go|s|c|mod|sum):\\d+(?::\\d+)?: ");

  private static final Pattern BUILD_HEADER = Pattern.compile("^# \\S+");

  private static final Pattern GO_TOOL_ERROR =
      Pattern.compile(
          "^(?:go: (?!downloading|finding|extracting|upgraded|added)|can't load package|cannot find"
              + " package|no required module provides|package \\S+ is not in|build constraints"
              + " exclude|vet: |FAIL\\t\\S+ \\[(?:build|setup) failed\\])");

  private GoOutputLines() {}

  /** {@code === RUN}, {@code === PAUSE}, {@code === CONT}, {@code === NAME}, {@code === ATTR}. */
  static boolean framing(String line) {
    String s = line.stripLeading();
    return s.startsWith("=== RUN")
        || s.startsWith("=== PAUSE")
        || s.startsWith("=== CONT")
        || s.startsWith("=== NAME")
        || s.startsWith("=== ATTR");
  }

  /** The test's own {@code --- PASS: name (0.01s)} line, or null when the line is not it. */
  static String ownResult(String line, String test) {
    String s = line.strip();
    for (String verdict : new String[] {"--- PASS: ", "--- FAIL: ", "--- SKIP: "}) {
      if (s.startsWith(verdict)
          && s.startsWith(test, verdict.length())
          && (s.length() == verdict.length() + test.length()
              || s.charAt(verdict.length() + test.length()) == ' ')) {
        return verdict.substring(4, 8);
      }
    }
    return null;
  }

  /** The duration in {@code --- PASS: name (0.01s)}, as text for {@link Values#seconds}. */
  static String resultSeconds(String line) {
    int open = line.lastIndexOf('(');
    int close = line.lastIndexOf(')');
    return open >= 0 && close > open ? line.substring(open + 1, close) : null;
  }

  /** A panic, a fatal runtime error or the test binary's timeout. */
  static boolean panic(String line) {
    String s = line.stripLeading();
    return s.startsWith("panic: ")
        || s.startsWith("fatal error: ")
        || s.startsWith("*** Test killed")
        || s.contains("test timed out after");
  }

  static boolean located(String line) {
    return LOCATED.matcher(line.stripLeading()).find();
  }

  /** Lines the go command and test binary print for every package; they explain no failure. */
  static boolean packageNoise(String line) {
    String s = line.strip();
    return s.isEmpty()
        || s.equals("PASS")
        || s.equals("FAIL")
        || s.startsWith("ok ")
        || s.startsWith("FAIL\t")
        || s.startsWith("?   ")
        || s.startsWith("coverage: ")
        || s.contains("\tcoverage: ")
        || s.startsWith("testing: warning: no tests to run")
        || s.startsWith("-test.shuffle ")
        || s.startsWith("program not built with -cover")
        || s.startsWith("exit status ");
  }

  /** The {@code FAIL pkg [build failed]} or {@code [setup failed]} marker, else null. */
  static String buildMarker(String line) {
    if (!line.startsWith("FAIL")) {
      return null;
    }
    if (line.contains("[build failed]")) {
      return "build";
    }
    return line.contains("[setup failed]") ? "setup" : null;
  }

  /** {@code # example.com/pkg}: the go command's header above a package's build errors. */
  static boolean buildHeader(String line) {
    return BUILD_HEADER.matcher(line).find();
  }

  /** A line the go command prints when building or loading a package fails. */
  static boolean buildError(String line) {
    return COMPILER_ERROR.matcher(line).find() || GO_TOOL_ERROR.matcher(line).find();
  }

  /** The package a {@code # pkg [pkg.test]} header or an ImportPath names, without the suffix. */
  static String importPathPackage(String importPath) {
    String s = importPath.startsWith("# ") ? importPath.substring(2) : importPath;
    s = s.strip();
    int bracket = s.indexOf(" [");
    if (bracket > 0) {
      s = s.substring(0, bracket);
    }
    return s.endsWith(".test") ? s.substring(0, s.length() - ".test".length()) : s;
  }

  /** The first line of build output that is not a {@code # pkg} header, else the fallback. */
  static String firstBuildError(String text, String fallback) {
    for (String line : text.split("\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !buildHeader(s)) {
        return limit(s);
      }
    }
    return fallback;
  }

  static String limit(String message) {
    return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT) + "…";
  }
}
