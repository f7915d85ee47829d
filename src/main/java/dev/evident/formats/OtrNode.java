package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of an Open Test Reporting tree (a test or a container), as gathered from its events or
 * its {@code <h:root>}/{@code <h:child>} element. Texts are bounded; a node without output holds a
 * few strings only.
 */
final class OtrNode {

  final String id;
  final long line;
  String parentId;
  String name;
  Instant started;
  Instant finished;
  Duration duration;
  boolean startedSeen;
  boolean finishedSeen;
  String status;
  String throwableType;
  String assertionError;
  // Made when present: BoundedText allocates its tail up front.
  BoundedText reason;
  BoundedText throwable;
  BoundedText stdout;
  BoundedText stderr;
  final List<String> tags = new ArrayList<>(0);
  final Map<String, String> properties = new LinkedHashMap<>(0);
  String className;
  boolean classLevel;
  Location source;
  String junitType;
  int children;

  /** Named as a parent by some event in the file, whether or not that event was read yet. */
  boolean parent;

  int brokenLeaves;

  OtrNode(String id, long line) {
    this.id = id;
    this.line = line;
  }

  /** A container has children, or says it is one (JUnit's {@code junit:type}) even when empty. */
  boolean isContainer() {
    return children > 0 || parent || "CONTAINER".equals(junitType);
  }

  /**
   * The outcome of the node's own result, or null when it has none. ABORTED (an assumption failed)
   * did not run to the end and is SKIPPED; JUnit writes FAILED for every throwable, so a FAILED
   * whose throwable is not an assertion error is ERRORED, as JUnit XML's {@code <error>} would be.
   */
  Outcome outcome() {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "SUCCESSFUL" -> Outcome.PASSED;
      case "SKIPPED", "ABORTED" -> Outcome.SKIPPED;
      case "FAILED" -> "false".equals(assertionError) ? Outcome.ERRORED : Outcome.FAILED;
      case "ERRORED" -> Outcome.ERRORED;
      default -> null;
    };
  }

  boolean hasOwnFailure() {
    return throwable != null || reason != null;
  }

  Failure failure() {
    String details = text(throwable);
    String message = text(reason);
    String type = throwableType == null ? "" : throwableType;
    if (message.isEmpty() && !details.isEmpty()) {
      String first = details.lines().findFirst().orElse("").strip();
      message =
          !type.isEmpty() && first.startsWith(type + ":")
              ? first.substring(type.length() + 1).strip()
              : first;
      if (first.equals(type)) {
        message = "";
      }
    }
    if (message.isEmpty() && "ABORTED".equals(status)) {
      message = "aborted";
    }
    return new Failure(type, message, details);
  }

  /** Finished minus started for events; the declared duration for the hierarchy. */
  Duration elapsed() {
    if (duration != null) {
      return duration;
    }
    if (started != null && finished != null && !finished.isBefore(started)) {
      return Duration.between(started, finished);
    }
    return null;
  }

  /**
   * The test's identity. With Java sources (JUnit Platform), the suite is the class name; nodes
   * between the class and the test (a parameterized or dynamic test's method container) make the
   * name, and the test's own name becomes the parameters: {@code add(int)} with {@code [1] 1}.
   * Otherwise the suite is the chain of container names, root first.
   *
   * @param ancestors the containers above this node, root first
   */
  TestId testId(List<OtrNode> ancestors, String name) {
    int classAt = -1;
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      OtrNode a = ancestors.get(i);
      if (a.className != null && a.classLevel) {
        classAt = i;
        break;
      }
    }
    String suiteClass =
        className != null ? className : classAt >= 0 ? ancestors.get(classAt).className : null;
    if (suiteClass == null) {
      return TestId.parse(chain(ancestors, 0), name);
    }
    if (classAt >= 0 && classAt < ancestors.size() - 1) {
      return new TestId(suiteClass, chain(ancestors, classAt + 1), name);
    }
    return TestId.parse(suiteClass, name);
  }

  /** What a failing container concerns: its class, else its chain of names. */
  String scope(List<OtrNode> ancestors) {
    if (className != null) {
      return className;
    }
    String above = chain(ancestors, 0);
    return above.isEmpty() ? name : above + " > " + name;
  }

  private static String chain(List<OtrNode> nodes, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < nodes.size(); i++) {
      if (!out.isEmpty()) {
        out.append(" > ");
      }
      out.append(nodes.get(i).name == null ? "" : nodes.get(i).name);
    }
    return out.toString();
  }

  BoundedText output(String source) {
    if ("stderr".equals(source)) {
      return stderr == null ? stderr = BoundedText.forOutput() : stderr;
    }
    return stdout == null ? stdout = BoundedText.forOutput() : stdout;
  }

  static String text(BoundedText b) {
    return b == null ? "" : b.text().strip();
  }

  static Excerpt excerpt(BoundedText b) {
    return b == null ? Excerpt.EMPTY : b.excerpt();
  }
}
