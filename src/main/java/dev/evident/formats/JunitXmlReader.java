package dev.evident.formats;

import dev.evident.model.Location;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JUnit XML in the dialects real runners write: Maven Surefire/Failsafe (with flakyFailure,
 * flakyError, rerunFailure, rerunError), Gradle, pytest (xunit1 and xunit2), jest-junit,
 * mocha-junit, go-junit-report and gotestsum, PHPUnit (nested suites), ctest, Bazel and others.
 * Roots {@code <testsuites>} or a bare {@code <testsuite>}; suites may nest. Declared counts are
 * checked against the content, and the content wins.
 */
final class JunitXmlReader implements ResultReader {

  @Override
  public Format format() {
    return Format.JUNIT;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input, sink).read();
  }

  /** Declared and found counts of one {@code <testsuite>} or {@code <testsuites>} element. */
  private static final class Suite {
    final String name;
    final String element;
    final long line;
    final long declaredTests;
    final long declaredFailures;
    final long declaredErrors;
    final long declaredSkipped;
    final Instant started;
    final Duration duration;
    final Map<String, String> properties = new LinkedHashMap<>();
    BoundedText stdout;
    BoundedText stderr;

    /** The project of a suite another project ran too (Playwright's browsers), or null. */
    String project;

    long tests;
    long failures;
    long errors;
    long skipped;

    Suite(String element, String name, long line, XmlParse p) {
      this.element = element;
      this.name = name;
      this.line = line;
      this.declaredTests = Values.count(p.attr("tests"));
      this.declaredFailures = Values.count(p.attr("failures"));
      this.declaredErrors = Values.count(p.attr("errors"));
      long skipped = Values.count(p.attr("skipped"));
      if (skipped < 0) {
        skipped = Values.count(p.attr("skips"));
      }
      // ctest counts its disabled tests apart from the skipped ones; both are skipped test cases
      long disabled = Values.count(p.attr("disabled"));
      this.declaredSkipped = disabled > 0 && skipped >= 0 ? skipped + disabled : skipped;
      this.started = Values.timestamp(p.attr("timestamp"));
      this.duration = Values.seconds(p.attr("time"));
    }
  }

  private static final class Parse extends XmlParse {
    final Deque<Suite> suites = new ArrayDeque<>();
    JunitCase current;
    JunitCase.Element element;
    String propertyName;
    BoundedText propertyText;

    /**
     * The suite name of the previous test case: the next one's equal name is replaced by it, so
     * that the writer, which compares each result's suite with the previous one's, finds the same
     * string and compares no characters.
     */
    String lastClassname = "";

    /** The hostname each suite name was first seen with. */
    final Map<String, String> hostOfSuite = new java.util.HashMap<>();

    Map<String, String> propertyTarget;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
    }

    @Override
    void start(String name, long line) {
      if (open.size() == 1 && !name.equals("testsuites") && !name.equals("testsuite")) {
        throw new UnreadableResultFileException(
            file,
            "root element <" + name + "> is not JUnit XML (expected <testsuites> or <testsuite>)");
      }
      if (current == null) {
        startOutsideCase(name, parent(), line);
      } else {
        startInCase(name);
      }
    }

    private void startOutsideCase(String name, String parent, long line) {
      switch (name) {
        case "testsuites", "testsuite" -> {
          String suiteName = attr("name");
          if (suiteName == null || suiteName.isBlank()) {
            suiteName = suites.isEmpty() ? "" : suites.peek().name;
          }
          Suite suite = new Suite(name, suiteName, line, this);
          // Playwright writes one <testsuite> per spec file and project, the project (a browser)
          // as its hostname: the same file again under another hostname holds other tests.
          String host = attr("hostname");
          if (name.equals("testsuite") && host != null && !host.isBlank()) {
            String first = hostOfSuite.putIfAbsent(suiteName, host);
            suite.project = first == null || first.equals(host) ? null : host;
          }
          suites.push(suite);
        }
        case "testcase" -> current = new JunitCase(xml, line);
        case "properties" -> propertyTarget = suites.isEmpty() ? null : suites.peek().properties;
        case "property" -> startProperty();
        case "system-out", "system-err" -> {
          if (suites.isEmpty()) {
            skip();
            return;
          }
          Suite suite = suites.peek();
          BoundedText out = BoundedText.forOutput();
          if (name.equals("system-out")) {
            suite.stdout = out;
          } else {
            suite.stderr = out;
          }
          text = out;
        }
        case "error", "failure" -> {
          if ("testsuite".equals(parent) || "testsuites".equals(parent)) {
            element = new JunitCase.Element(name, this);
            text = element.text;
          } else {
            skip();
          }
        }
        default -> skip();
      }
    }

    private void startInCase(String name) {
      if (element != null) {
        // children of flakyFailure / rerunFailure: stackTrace, system-out, system-err
        switch (name) {
          case "stackTrace" -> text = element.text;
          case "system-out" -> text = element.stdout = BoundedText.forOutput();
          case "system-err" -> text = element.stderr = BoundedText.forOutput();
          default -> skip();
        }
        return;
      }
      switch (name) {
        case "failure",
            "error",
            "skipped",
            "flakyFailure",
            "flakyError",
            "rerunFailure",
            "rerunError" -> {
          element = new JunitCase.Element(name, this);
          text = element.text;
        }
        case "system-out" -> text = current.stdout = BoundedText.forOutput();
        case "system-err" -> text = current.stderr = BoundedText.forOutput();
        case "properties" -> {
          if (current.properties.isEmpty()) {
            current.properties = new LinkedHashMap<>();
          }
          propertyTarget = current.properties;
        }
        case "property" -> startProperty();
        default -> skip();
      }
    }

    private void startProperty() {
      propertyName = attr("name");
      String value = attr("value");
      if (value != null) {
        if (propertyTarget != null && propertyName != null) {
          propertyTarget.put(propertyName, value);
        }
        propertyName = null;
      } else {
        propertyText = new BoundedText(4096, 0);
        text = propertyText;
      }
    }

    @Override
    void end(String name) {
      switch (name) {
        case "testsuites", "testsuite" -> endSuite();
        case "testcase" -> {
          if (current != null) {
            endCase();
          }
        }
        case "property" -> {
          if (propertyName != null && propertyTarget != null && propertyText != null) {
            propertyTarget.put(propertyName, propertyText.stripped());
          }
          propertyName = null;
          propertyText = null;
          text = null;
        }
        case "properties" -> propertyTarget = null;
        case "failure",
            "error",
            "skipped",
            "flakyFailure",
            "flakyError",
            "rerunFailure",
            "rerunError" ->
            endElement();
        case "stackTrace", "system-out", "system-err" ->
            text = element != null ? element.text : null;
        default -> text = null;
      }
      if (element == null && !"stackTrace".equals(name)) {
        text = null;
      }
    }

    private void endElement() {
      JunitCase.Element e = element;
      element = null;
      text = null;
      if (e == null) {
        return;
      }
      if (current == null) {
        Suite suite = suites.peek();
        String scope = suite == null ? "" : suite.name;
        sink.runError(
            new RunError(
                RunError.Kind.SETUP, scope, e.failure(), Location.of(file, XmlInput.line(xml))));
        return;
      }
      current.add(e);
    }

    /** {@code text.startsWith(word + " ")} with more after it, without making that string. */
    private static boolean startsWithWord(String text, String word) {
      return text.length() > word.length() + 1
          && text.startsWith(word)
          && text.charAt(word.length()) == ' ';
    }

    /** {@code text.endsWith(" " + word)}, without making that string. */
    private static boolean endsWithWord(String text, String word) {
      int space = text.length() - word.length() - 1;
      return space >= 0 && text.endsWith(word) && text.charAt(space) == ' ';
    }

    /** A test's suite and name, as a JavaScript runner's describe blocks give them. */
    private record Described(String suite, String name) {}

    /**
     * jest-junit and mocha-junit-reporter (Cypress's JUnit reporter) name a test by its describe
     * blocks and title ("Cart adds an item"); jest-junit writes the same text as its {@code
     * classname}, with the outer describe block as the enclosing suite's name; mocha writes the
     * title alone as {@code classname}, with a describe block as the suite's name. The test is then
     * the describe block's: ("Cart", "adds an item"). Null for every other writer.
     */
    private static Described described(String suite, String classname, String name) {
      if (suite.isBlank() || classname.isBlank()) {
        return null;
      }
      // Every test case of every file comes here: no string is made unless one is kept.
      if (endsWithWord(name, classname)) {
        String path = name.substring(0, name.length() - classname.length() - 1);
        return path.equals(suite) || endsWithWord(path, suite) || startsWithWord(path, suite)
            ? new Described(path, classname)
            : null;
      }
      return classname.equals(name) && startsWithWord(name, suite)
          ? new Described(suite, name.substring(suite.length() + 1))
          : null;
    }

    private void endCase() {
      JunitCase c = current;
      current = null;
      text = null;
      String suiteName = suites.isEmpty() ? "" : suites.peek().name;
      String classname = c.classname != null && !c.classname.isBlank() ? c.classname : suiteName;
      if ((classname == null || classname.isBlank()) && c.source != null) {
        classname = c.source.file();
      }
      if (classname == null) {
        classname = "";
      }
      String name = c.name;
      if (name == null || name.isBlank()) {
        problems.warn(
            "test case without a name", c.line, "test case without a name, stored as '(unnamed)'");
        name = "(unnamed)";
      }
      Described described = described(suiteName, classname, name);
      if (described != null) {
        classname = described.suite();
        name = described.name();
      }
      if (!suites.isEmpty() && suites.peek().project != null) {
        // "[firefox] Checkout › applies coupon": the same test in a second project, not a retry
        name = "[" + suites.peek().project + "] " + name;
      }
      if (classname.equals(lastClassname)) {
        classname = lastClassname;
      } else {
        lastClassname = classname;
      }
      if (c.isCollectionError()) {
        // Not a test, but a test case element: the declared counts include it.
        for (Suite s : suites) {
          s.tests++;
          s.errors++;
        }
        sink.runError(
            new RunError(
                RunError.Kind.COLLECTION, name, c.collectionFailure(), Location.of(file, c.line)));
        return;
      }
      Duration duration = Values.seconds(c.timeText);
      if (duration == null && c.timeText != null && !c.timeText.isBlank()) {
        problems.warn(
            "invalid duration",
            c.line,
            "invalid duration time=\""
                + c.timeText
                + "\" on test case '"
                + name
                + "'; stored as unknown");
      }
      TestResult result = c.result(TestId.parse(classname, name), duration);
      for (Suite s : suites) {
        s.tests++;
        switch (result.outcome()) {
          case FAILED -> s.failures++;
          case ERRORED -> s.errors++;
          case SKIPPED -> s.skipped++;
          default -> {}
        }
      }
      recovered++;
      sink.test(result);
    }

    private void endSuite() {
      Suite s = suites.pop();
      checkDeclared(s);
      if (s.element.equals("testsuite")) {
        sink.suite(
            new SuiteInfo(
                s.name,
                s.started,
                s.duration,
                s.properties,
                excerptOf(s.stdout),
                excerptOf(s.stderr)));
      }
    }

    private void checkDeclared(Suite s) {
      StringBuilder off = new StringBuilder();
      compare(off, "tests", s.declaredTests, s.tests);
      compare(off, "failures", s.declaredFailures, s.failures);
      compare(off, "errors", s.declaredErrors, s.errors);
      compare(off, "skipped", s.declaredSkipped, s.skipped);
      String label =
          s.name.isEmpty() ? "<" + s.element + ">" : "<" + s.element + "> '" + s.name + "'";
      problems.countsDisagree(s.line, label, off, "test cases");
    }

    @Override
    String inside() {
      return current == null ? "" : inside("test case", current.name, current.line);
    }

    @Override
    String unit() {
      return "test cases";
    }
  }
}
