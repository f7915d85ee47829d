package dev.evident.formats;

import dev.evident.model.Attempt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * What is known of a JUnit XML {@code <testcase>} while it is read, and the result it means: a skip
 * wins, then the first failure or error (later ones are kept in its details), then reruns
 * (Surefire's flakyFailure, flakyError, rerunFailure, rerunError), then a status attribute. Not
 * thread safe.
 */
final class JunitCase {

  private static final Set<String> SKIP_STATUSES =
      Set.of(
          "disabled", "notrun", "not run", "skipped", "skip", "ignored", "suppressed", "pending");

  /** A {@code <failure>}, {@code <error>}, {@code <skipped>} or rerun element being read. */
  static final class Element {
    final String name;
    final String type;
    final String message;
    final BoundedText text = new BoundedText(32 * 1024, 32 * 1024);
    BoundedText stdout;
    BoundedText stderr;
    final String timeText;

    Element(String name, XmlParse p) {
      this.name = name;
      this.type = p.attr("type");
      this.message = p.attr("message");
      this.timeText = p.attr("time");
    }

    Failure failure() {
      String details = text.stripped();
      String msg = message;
      if (msg == null && name.equals("skipped")) {
        msg = details;
        details = "";
      }
      return new Failure(type, msg, details);
    }
  }

  final String name;
  final String classname;
  final String timeText;
  final Location source;
  final String status;
  final long line;
  // Most test cases have neither: both are made when the first entry comes.
  Map<String, String> properties = Map.of();
  private List<Attempt> earlier = List.of();
  private Failure failure;
  private Outcome outcome;
  private Failure skip;
  private boolean collectionError;
  private boolean flaky;
  private String extraFailures = "";
  BoundedText stdout;
  BoundedText stderr;

  JunitCase(XMLStreamReader2 xml, long line) {
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

  /** Takes a failure, error, skipped or rerun element of this test case. */
  void add(Element e) {
    Failure failure = e.failure();
    switch (e.name) {
      case "failure", "error" -> {
        Outcome outcome = e.name.equals("failure") ? Outcome.FAILED : Outcome.ERRORED;
        if (this.failure == null) {
          this.failure = failure;
          this.outcome = outcome;
          if (outcome == Outcome.ERRORED
              && (classname == null || classname.isBlank())
              && failure.message().startsWith("collection failure")) {
            collectionError = true;
          }
        } else {
          // Several failure/error elements in one test case count as one failed test; the
          // extra ones are kept in the details rather than dropped.
          extraFailures +=
              "\n--- also "
                  + e.name
                  + ": "
                  + join(failure.type(), failure.message())
                  + "\n"
                  + failure.details();
          if (outcome == Outcome.FAILED) {
            this.outcome = Outcome.FAILED;
          }
        }
      }
      case "skipped" -> skip = failure;
      case "flakyFailure", "flakyError", "rerunFailure", "rerunError" -> {
        Outcome outcome = e.name.endsWith("Failure") ? Outcome.FAILED : Outcome.ERRORED;
        flaky |= e.name.startsWith("flaky");
        if (earlier.isEmpty()) {
          earlier = new ArrayList<>();
        }
        earlier.add(new Attempt(outcome, Values.seconds(e.timeText), withOutput(failure, e)));
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
      details.append("\n--- stdout ---\n").append(e.stdout.stripped());
    }
    if (e.stderr != null && !e.stderr.isEmpty()) {
      details.append("\n--- stderr ---\n").append(e.stderr.stripped());
    }
    return new Failure(failure.type(), failure.message(), details.toString());
  }

  private static String join(String type, String message) {
    if (type.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? type : type + ": " + message;
  }

  /** pytest's error element for a module that failed to import: not a test, a collection error. */
  boolean isCollectionError() {
    return collectionError;
  }

  /**
   * pytest writes "collection failure" as the message and the cause in the last "E " line of the
   * traceback; the message gets that cause, so that one line says why.
   */
  Failure collectionFailure() {
    String cause = null;
    for (String l : failure.details().split("\\R")) {
      if (l.startsWith("E ")) {
        cause = l.substring(1).strip();
      }
    }
    return cause == null
        ? failure
        : new Failure(failure.type(), failure.message() + ": " + cause, failure.details());
  }

  /** The result of this test case, once it ended. */
  TestResult result(TestId id, Duration duration) {
    Outcome outcome;
    Failure failure;
    List<Attempt> earlier = this.earlier;
    if (skip != null || SKIP_STATUSES.contains(status)) {
      outcome = Outcome.SKIPPED;
      failure = skip != null ? skip : Failure.NONE;
      if (this.failure != null) {
        failure =
            new Failure(
                this.failure.type(),
                failure.message().isEmpty() ? this.failure.message() : failure.message(),
                this.failure.details());
      }
    } else if (this.failure != null) {
      outcome = this.outcome;
      failure =
          extraFailures.isEmpty()
              ? this.failure
              : new Failure(
                  this.failure.type(),
                  this.failure.message(),
                  this.failure.details() + extraFailures);
    } else if (!earlier.isEmpty()) {
      // flakyFailure/flakyError: earlier attempts failed, the final one passed. Reruns without
      // a primary failure element still failed.
      Attempt last = earlier.get(earlier.size() - 1);
      outcome = flaky ? Outcome.FLAKY : last.outcome();
      failure = last.failure();
      if (!flaky) {
        earlier = earlier.subList(0, earlier.size() - 1);
      }
    } else if (status.equals("fail") || status.equals("failed") || status.equals("failure")) {
      outcome = Outcome.FAILED;
      failure = new Failure("", "status=\"" + status + "\"", "");
    } else if (status.equals("error") || status.equals("errored")) {
      outcome = Outcome.ERRORED;
      failure = new Failure("", "status=\"" + status + "\"", "");
    } else {
      outcome = Outcome.PASSED;
      failure = Failure.NONE;
    }
    return new TestResult(
        id,
        outcome,
        duration,
        failure,
        earlier,
        XmlParse.excerptOf(stdout),
        XmlParse.excerptOf(stderr),
        source,
        List.of(),
        properties);
  }
}
