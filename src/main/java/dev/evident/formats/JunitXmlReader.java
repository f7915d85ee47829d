package dev.evident.formats;

import dev.evident.model.Attempt;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads JUnit XML in the dialects real runners write: Maven Surefire/Failsafe (with flakyFailure,
 * flakyError, rerunFailure, rerunError), Gradle, pytest (xunit1 and xunit2), jest-junit,
 * mocha-junit, go-junit-report and gotestsum, PHPUnit (nested suites), ctest, Bazel and others.
 * Roots {@code <testsuites>} or a bare {@code <testsuite>}; suites may nest. Declared counts are
 * checked against the content, and the content wins.
 */
final class JunitXmlReader implements ResultReader {

  private static final Set<String> SKIP_STATUSES =
      Set.of(
          "disabled", "notrun", "not run", "skipped", "skip", "ignored", "suppressed", "pending");

  @Override
  public Format format() {
    return Format.JUNIT;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    InputStream in = input.openOrFail();
    XMLStreamReader2 xml = null;
    Parse parse = null;
    try {
      XmlInput.Opened opened = XmlInput.openLimited(in);
      xml = opened.xml();
      parse = new Parse(input, opened, sink);
      parse.run();
    } catch (XMLStreamException e) {
      if (parse == null || !parse.sawRoot) {
        throw new UnreadableResultFileException(
            input.name(), "not well-formed XML: " + XmlInput.reason(e) + where(e), e);
      }
      parse.damaged(e);
    } finally {
      if (parse != null) {
        parse.problems.finish();
      }
      XmlInput.closeQuietly(xml, in);
    }
  }

  private static String where(XMLStreamException e) {
    var location = e.getLocation();
    return location == null
        ? ""
        : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
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
    long tests;
    long failures;
    long errors;
    long skipped;

    Suite(String element, String name, long line, Attrs a) {
      this.element = element;
      this.name = name;
      this.line = line;
      this.declaredTests = Values.count(a.get("tests"));
      this.declaredFailures = Values.count(a.get("failures"));
      this.declaredErrors = Values.count(a.get("errors"));
      long skipped = Values.count(a.get("skipped"));
      if (skipped < 0) {
        skipped = Values.count(a.get("skips"));
      }
      this.declaredSkipped = skipped;
      this.started = Values.timestamp(a.get("timestamp"));
      this.duration = Values.seconds(a.get("time"));
    }
  }

  /** What is known of the {@code <testcase>} being read. */
  private static final class Case {
    final String name;
    final String classname;
    final String timeText;
    final Location source;
    final String status;
    final long line;
    // Most test cases have neither: both are made when the first entry comes.
    Map<String, String> properties = Map.of();
    List<Attempt> earlier = List.of();
    Failure failure;
    Outcome outcome;
    Failure skip;
    boolean collectionError;
    boolean flaky;
    String extraFailures = "";
    BoundedText stdout;
    BoundedText stderr;

    Case(XMLStreamReader2 xml, long line) {
      // One pass over the attributes: a million test cases make repeated lookups by name show.
      String name = null;
      String classname = null;
      String cls = null;
      String time = null;
      String file = null;
      String lineText = null;
      String status = null;
      String result = null;
      for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
        String value = xml.getAttributeValue(i);
        switch (xml.getAttributeLocalName(i)) {
          case "name" -> name = value;
          case "classname" -> classname = value;
          case "class" -> cls = value;
          case "time" -> time = value;
          case "file" -> file = value;
          case "line" -> lineText = value;
          case "status" -> status = value;
          case "result" -> result = value;
          default -> {}
        }
      }
      this.name = name;
      this.classname = classname != null ? classname : cls;
      this.timeText = time;
      long sourceLine = lineText == null ? 0 : Math.max(0, Values.count(lineText));
      this.source = file == null || file.isBlank() ? null : Location.of(file, sourceLine);
      String s = status != null ? status : result;
      this.status = s == null ? "" : s.toLowerCase(Locale.ROOT);
      this.line = line;
    }
  }

  /** A {@code <failure>}, {@code <error>}, {@code <skipped>} or rerun element being read. */
  private static final class Element {
    final String name;
    final String type;
    final String message;
    final BoundedText text = new BoundedText(32 * 1024, 32 * 1024);
    BoundedText stdout;
    BoundedText stderr;
    final String timeText;

    Element(String name, Attrs a) {
      this.name = name;
      this.type = a.get("type");
      this.message = a.get("message");
      this.timeText = a.get("time");
    }

    Failure failure() {
      String details = text.text().strip();
      String msg = message;
      if (msg == null && name.equals("skipped")) {
        msg = details;
        details = "";
      }
      return new Failure(type, msg, details);
    }
  }

  /** The attributes of the current element, read once. */
  private static final class Attrs {
    private final XMLStreamReader2 xml;

    Attrs(XMLStreamReader2 xml) {
      this.xml = xml;
    }

    String get(String name) {
      return xml.getAttributeValue(null, name);
    }
  }

  private static final class Parse {
    final ResultInput input;
    final XmlInput.Opened opened;
    final String file;
    final XMLStreamReader2 xml;

    /** Where the text being collected started, to count what the limiter cut from it; -1: none. */
    long textStart = -1;

    final ResultSink sink;
    final ProblemLog problems;
    final Attrs attrs;
    final Deque<Suite> suites = new ArrayDeque<>();
    final Deque<String> open = new ArrayDeque<>();
    Case current;
    Element element;

    /** Where character data goes now, or null to drop whitespace between elements. */
    BoundedText text;

    String propertyName;
    BoundedText propertyText;
    Map<String, String> propertyTarget;
    boolean sawRoot;
    long recovered;
    int skipDepth;

    Parse(ResultInput input, XmlInput.Opened opened, ResultSink sink) {
      this.input = input;
      this.opened = opened;
      this.xml = opened.xml();
      this.file = input.name();
      this.sink = sink;
      this.problems = new ProblemLog(file, sink);
      this.attrs = new Attrs(xml);
    }

    void run() throws XMLStreamException {
      while (xml.hasNext()) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> start(xml.getLocalName());
          case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (text != null && skipDepth == 0) {
              XmlInput.copyText(xml, text);
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> {
            problems.warn(
                "entity references are never expanded",
                XmlInput.line(xml),
                "entity reference &"
                    + xml.getLocalName()
                    + "; left unexpanded: Evident never"
                    + " resolves DTD entities");
            if (text != null) {
              text.append("&" + xml.getLocalName() + ";");
            }
          }
          case XMLStreamConstants.DTD ->
              problems.warn(
                  "DOCTYPE ignored",
                  XmlInput.line(xml),
                  "DOCTYPE ignored: DTDs are never processed");
          default -> {
            // comments, processing instructions: nothing to keep
          }
        }
      }
    }

    void start(String name) {
      long line = XmlInput.line(xml);
      if (!sawRoot) {
        sawRoot = true;
        line = XmlInput.rootLine(input);
        if (!name.equals("testsuites") && !name.equals("testsuite")) {
          throw new UnreadableResultFileException(
              file,
              "root element <"
                  + name
                  + "> is not JUnit XML (expected <testsuites> or <testsuite>)");
        }
      }
      if (skipDepth > 0) {
        skipDepth++;
        return;
      }
      String parent = open.peek();
      open.push(name);
      BoundedText before = text;
      if (current == null) {
        startOutsideCase(name, parent, line);
      } else {
        startInCase(name, line);
      }
      if (text != null && text != before) {
        textStart = XmlInput.offset(xml);
      }
    }

    private void startOutsideCase(String name, String parent, long line) {
      switch (name) {
        case "testsuites", "testsuite" -> {
          String suiteName = attrs.get("name");
          if (suiteName == null || suiteName.isBlank()) {
            suiteName = suites.isEmpty() ? "" : suites.peek().name;
          }
          suites.push(new Suite(name, suiteName, line, attrs));
        }
        case "testcase" -> current = new Case(xml, line);
        case "properties" -> propertyTarget = suites.isEmpty() ? null : suites.peek().properties;
        case "property" -> startProperty();
        case "system-out", "system-err" -> {
          if (suites.isEmpty()) {
            skipDepth = 1;
            open.pop();
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
            element = new Element(name, attrs);
            text = element.text;
          } else {
            skip();
          }
        }
        default -> skip();
      }
    }

    private void startInCase(String name, long line) {
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
          element = new Element(name, attrs);
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
      propertyName = attrs.get("name");
      String value = attrs.get("value");
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

    private void skip() {
      skipDepth = 1;
      open.pop();
    }

    void end(String name) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (text != null && textStart >= 0) {
        text.omitted(opened.omittedBetween(textStart, XmlInput.offset(xml)));
        textStart = -1;
      }
      open.poll();
      switch (name) {
        case "testsuites", "testsuite" -> endSuite();
        case "testcase" -> {
          if (current != null) {
            endCase();
          }
        }
        case "property" -> {
          if (propertyName != null && propertyTarget != null && propertyText != null) {
            propertyTarget.put(propertyName, propertyText.text().strip());
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
      Element e = element;
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
      Failure failure = e.failure();
      switch (e.name) {
        case "failure", "error" -> {
          Outcome outcome = e.name.equals("failure") ? Outcome.FAILED : Outcome.ERRORED;
          if (current.failure == null) {
            current.failure = failure;
            current.outcome = outcome;
            if (outcome == Outcome.ERRORED
                && (current.classname == null || current.classname.isBlank())
                && failure.message().startsWith("collection failure")) {
              current.collectionError = true;
            }
          } else {
            // Several failure/error elements in one test case count as one failed test; the
            // extra ones are kept in the details rather than dropped.
            current.extraFailures +=
                "\n--- also "
                    + e.name
                    + ": "
                    + join(failure.type(), failure.message())
                    + "\n"
                    + failure.details();
            if (outcome == Outcome.FAILED) {
              current.outcome = Outcome.FAILED;
            }
          }
        }
        case "skipped" -> current.skip = failure;
        case "flakyFailure", "flakyError", "rerunFailure", "rerunError" -> {
          Outcome outcome = e.name.endsWith("Failure") ? Outcome.FAILED : Outcome.ERRORED;
          current.flaky |= e.name.startsWith("flaky");
          if (current.earlier.isEmpty()) {
            current.earlier = new ArrayList<>();
          }
          current.earlier.add(
              new Attempt(outcome, Values.seconds(e.timeText), withOutput(failure, e)));
        }
        default -> throw new IllegalStateException(e.name);
      }
    }

    /** An attempt's own output is kept with its failure details, under marker lines. */
    private static Failure withOutput(Failure failure, Element e) {
      if ((e.stdout == null || e.stdout.isEmpty()) && (e.stderr == null || e.stderr.isEmpty())) {
        return failure;
      }
      StringBuilder details = new StringBuilder(failure.details());
      if (e.stdout != null && !e.stdout.isEmpty()) {
        details.append("\n--- stdout ---\n").append(e.stdout.text().strip());
      }
      if (e.stderr != null && !e.stderr.isEmpty()) {
        details.append("\n--- stderr ---\n").append(e.stderr.text().strip());
      }
      return new Failure(failure.type(), failure.message(), details.toString());
    }

    private static String join(String type, String message) {
      if (type.isEmpty()) {
        return message;
      }
      return message.isEmpty() ? type : type + ": " + message;
    }

    private void endCase() {
      Case c = current;
      current = null;
      text = null;
      String suiteName = suites.isEmpty() ? "" : suites.peek().name;
      String classname = c.classname != null && !c.classname.isBlank() ? c.classname : suiteName;
      if ((classname == null || classname.isBlank()) && c.source != null) {
        classname = c.source.file();
      }
      String name = c.name;
      if (name == null || name.isBlank()) {
        problems.warn(
            "test case without a name", c.line, "test case without a name, stored as '(unnamed)'");
        name = "(unnamed)";
      }
      if (c.collectionError) {
        c.failure = collectionFailure(c.failure);
        // Not a test, but a test case element: the declared counts include it.
        for (Suite s : suites) {
          s.tests++;
          s.errors++;
        }
        sink.runError(
            new RunError(RunError.Kind.COLLECTION, name, c.failure, Location.of(file, c.line)));
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
      Outcome outcome;
      Failure failure;
      List<Attempt> earlier = c.earlier;
      if (c.skip != null || SKIP_STATUSES.contains(c.status)) {
        outcome = Outcome.SKIPPED;
        failure = c.skip != null ? c.skip : Failure.NONE;
        if (c.failure != null) {
          failure =
              new Failure(
                  c.failure.type(),
                  failure.message().isEmpty() ? c.failure.message() : failure.message(),
                  c.failure.details());
        }
      } else if (c.failure != null) {
        outcome = c.outcome;
        failure =
            c.extraFailures.isEmpty()
                ? c.failure
                : new Failure(
                    c.failure.type(), c.failure.message(), c.failure.details() + c.extraFailures);
      } else if (!earlier.isEmpty()) {
        // flakyFailure/flakyError: earlier attempts failed, the final one passed. Reruns without
        // a primary failure element still failed.
        Attempt last = earlier.get(earlier.size() - 1);
        outcome = c.flaky ? Outcome.FLAKY : last.outcome();
        failure = last.failure();
        if (!c.flaky) {
          earlier = earlier.subList(0, earlier.size() - 1);
        }
      } else if (c.status.equals("fail")
          || c.status.equals("failed")
          || c.status.equals("failure")) {
        outcome = Outcome.FAILED;
        failure = new Failure("", "status=\"" + c.status + "\"", "");
      } else if (c.status.equals("error") || c.status.equals("errored")) {
        outcome = Outcome.ERRORED;
        failure = new Failure("", "status=\"" + c.status + "\"", "");
      } else {
        outcome = Outcome.PASSED;
        failure = Failure.NONE;
      }
      for (Suite s : suites) {
        s.tests++;
        switch (outcome) {
          case FAILED -> s.failures++;
          case ERRORED -> s.errors++;
          case SKIPPED -> s.skipped++;
          default -> {}
        }
      }
      recovered++;
      sink.test(
          new TestResult(
              TestId.parse(classname == null ? "" : classname, name),
              outcome,
              duration,
              failure,
              earlier,
              excerpt(c.stdout),
              excerpt(c.stderr),
              c.source,
              List.of(),
              c.properties));
    }

    /**
     * pytest writes "collection failure" as the message and the cause in the last "E " line of the
     * traceback; the message gets that cause, so that one line says why.
     */
    private static Failure collectionFailure(Failure f) {
      String cause = null;
      for (String line : f.details().split("\\R")) {
        if (line.startsWith("E ")) {
          cause = line.substring(1).strip();
        }
      }
      return cause == null ? f : new Failure(f.type(), f.message() + ": " + cause, f.details());
    }

    private static Excerpt excerpt(BoundedText text) {
      return text == null ? Excerpt.EMPTY : text.excerpt();
    }

    private void endSuite() {
      Suite s = suites.pop();
      checkDeclared(s);
      if (s.element.equals("testsuite")) {
        sink.suite(
            new SuiteInfo(
                s.name, s.started, s.duration, s.properties, excerpt(s.stdout), excerpt(s.stderr)));
      }
    }

    private void checkDeclared(Suite s) {
      StringBuilder off = new StringBuilder();
      compare(off, "tests", s.declaredTests, s.tests);
      compare(off, "failures", s.declaredFailures, s.failures);
      compare(off, "errors", s.declaredErrors, s.errors);
      compare(off, "skipped", s.declaredSkipped, s.skipped);
      if (!off.isEmpty()) {
        String label =
            s.name.isEmpty() ? "<" + s.element + ">" : "<" + s.element + "> '" + s.name + "'";
        problems.warn(
            "declared counts disagree with the content",
            s.line,
            label + " declares " + off + "; counting the test cases in the file");
      }
    }

    private static void compare(StringBuilder off, String what, long declared, long found) {
      if (declared >= 0 && declared != found) {
        if (!off.isEmpty()) {
          off.append(", ");
        }
        off.append(what).append('=').append(declared).append(" but has ").append(found);
      }
    }

    /** The file ends early or turns malformed: keep what was read and say where it broke. */
    void damaged(XMLStreamException e) {
      var location = e.getLocation();
      long line = location == null ? XmlInput.line(xml) : location.getLineNumber();
      long column = location == null ? 0 : location.getColumnNumber();
      String reason = XmlInput.reason(e);
      boolean truncated =
          reason.toLowerCase(Locale.ROOT).contains("end-of-input")
              || reason.toLowerCase(Locale.ROOT).contains("eof");
      String inside =
          current != null
              ? " inside test case '" + current.name + "' (line " + current.line + "; not counted)"
              : "";
      String message =
          truncated
              ? "truncated after line "
                  + line
                  + inside
                  + ": "
                  + recovered
                  + " test cases recovered; the runner may have crashed while writing"
              : "malformed XML: "
                  + reason
                  + inside
                  + "; "
                  + recovered
                  + " test cases before it recovered, the rest of the file is not read";
      problems.error(line, column, message);
    }
  }
}
