package dev.evident.formats;

import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Turns Open Test Reporting nodes into results: leaves are tests, containers are suites, and a
 * container's own failure is a SETUP run error.
 *
 * <p>In an event stream a node's children may be announced after it finished, so whether a node is
 * a leaf is known only from the whole file. A first quick pass collects the ids named as {@code
 * parentId}; then a test is emitted as soon as it and its ancestors are known, and only containers
 * (and the rare test whose ancestors start later) are held. Holding every node took more than 128
 * MB for 200,000 tests.
 */
final class OtrTree {

  private final String file;
  private final ResultSink sink;
  private final ProblemLog problems;
  private final Map<String, String> infrastructure;
  private final Map<String, OtrNode> nodes = new LinkedHashMap<>();
  private Set<String> parents = Set.of();
  long recovered;
  private long unfinished;
  private String firstUnfinished;

  OtrTree(String file, ResultSink sink, ProblemLog problems, Map<String, String> infrastructure) {
    this.file = file;
    this.sink = sink;
    this.problems = problems;
    this.infrastructure = infrastructure;
  }

  /** The node of an event's id, made on its first event, whichever kind that is. */
  OtrNode node(String id, long line) {
    return nodes.computeIfAbsent(
        id,
        k -> {
          OtrNode n = new OtrNode(k, line);
          n.parent = parents.contains(k);
          return n;
        });
  }

  /** Records a started, reported or finished event on its node and returns the node. */
  OtrNode event(String kind, String id, String parentId, String name, String time, long line) {
    OtrNode node = node(id, line);
    if (kind.equals("started")) {
      if (node.startedSeen) {
        problems.warn("id started twice", line, "id \"" + id + "\" started twice; the last wins");
      }
      node.startedSeen = true;
      node.name = name;
      node.parentId = parentId;
      node.started = Values.timestamp(time);
    } else if (kind.equals("finished")) {
      node.finished = Values.timestamp(time);
    }
    return node;
  }

  /** Reads the ids that events name as their parent; up to the damage in a broken file. */
  void scanParents(ResultInput input) {
    Set<String> found = new HashSet<>();
    InputStream in = input.openOrFail();
    XMLStreamReader2 xml = null;
    try {
      xml = XmlInput.open(in, input.name());
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT
            && xml.getLocalName().equals("started")) {
          String parentId = xml.getAttributeValue(null, "parentId");
          if (parentId != null) {
            found.add(parentId);
          }
        }
      }
    } catch (XMLStreamException e) {
      // the main pass reports the damage; the ids before it are what it can use
    } finally {
      XmlInput.closeQuietly(xml, in);
    }
    parents = found;
  }

  /** After each event: a test whose start, finish and ancestors are known is emitted now. */
  void eventEnded(OtrNode n) {
    if (!n.startedSeen || !n.finishedSeen || n.isContainer()) {
      return;
    }
    OtrNode at = n;
    for (int depth = 0; at.parentId != null; depth++) {
      at = nodes.get(at.parentId);
      if (at == null || !at.startedSeen || depth > nodes.size()) {
        return; // an ancestor comes later (events out of order): emitted at the end
      }
    }
    nodes.remove(n.id);
    test(n, ancestors(n));
  }

  /** A node of the tree form closed: everything below it has been read. */
  void closed(OtrNode node, List<OtrNode> ancestors) {
    node.startedSeen = true;
    node.finishedSeen = true;
    if (node.isContainer()) {
      container(node, ancestors);
    } else {
      test(node, ancestors);
    }
    if (ancestors.isEmpty() && node.isContainer()) {
      suite(node);
    }
  }

  /** Joins the events by id and emits every test; in a damaged file, unfinished tests are lost. */
  void emitEvents(boolean damaged) {
    for (OtrNode n : nodes.values()) {
      if (!n.startedSeen) {
        problems.warn(
            "event for an id that never started",
            n.line,
            "events for id \"" + n.id + "\", which never started; named after its id");
        n.name = n.id;
      }
      if (n.parentId != null) {
        OtrNode parent = nodes.get(n.parentId);
        if (parent == null) {
          problems.warn(
              "unknown parent id",
              n.line,
              "parentId \""
                  + n.parentId
                  + "\" of \""
                  + n.name
                  + "\" never started; read as a root");
          n.parentId = null;
        } else {
          parent.children++;
        }
      }
    }
    List<OtrNode> containers = new ArrayList<>();
    for (OtrNode n : nodes.values()) {
      if (n.isContainer()) {
        containers.add(n);
      } else if (damaged && !n.finishedSeen) {
        unfinished++;
        firstUnfinished = firstUnfinished == null ? n.name : firstUnfinished;
      } else {
        test(n, ancestors(n));
      }
    }
    for (OtrNode c : containers) {
      container(c, ancestors(c));
      if (c.parentId == null) {
        suite(c);
      }
    }
  }

  private List<OtrNode> ancestors(OtrNode n) {
    List<OtrNode> up = new ArrayList<>();
    OtrNode at = n.parentId == null ? null : nodes.get(n.parentId);
    while (at != null && up.size() < nodes.size()) { // the bound guards against parent cycles
      up.add(at);
      at = at.parentId == null ? null : nodes.get(at.parentId);
    }
    Collections.reverse(up);
    return up;
  }

  private void test(OtrNode n, List<OtrNode> ancestors) {
    String name = n.name;
    if (name == null || name.isBlank()) {
      problems.warn("test without a name", n.line, "test without a name, stored as '(unnamed)'");
      name = "(unnamed)";
    }
    Outcome outcome = n.outcome();
    Failure failure;
    if (outcome == null) {
      String why =
          !n.finishedSeen
              ? "started but never finished"
              : n.status == null
                  ? "no result reported"
                  : "unknown result status \"" + n.status + "\"";
      problems.warn(
          "test without a result", n.line, "test '" + name + "': " + why + "; counted as errored");
      outcome = Outcome.ERRORED;
      failure = new Failure("", why, "");
    } else {
      failure = outcome == Outcome.PASSED ? Failure.NONE : n.failure();
    }
    if (outcome.broken()) {
      ancestors.forEach(a -> a.brokenLeaves++);
    }
    recovered++;
    sink.test(
        new TestResult(
            n.testId(ancestors, name),
            outcome,
            n.elapsed(),
            failure,
            List.of(),
            OtrNode.excerpt(n.stdout),
            OtrNode.excerpt(n.stderr),
            n.source,
            n.tags,
            n.properties));
  }

  /**
   * A container's own failure (a {@code @BeforeAll} or {@code @AfterAll}) is a run error. A failed
   * container without a throwable or reason whose tests failed only echoes them, as some producers
   * propagate failures upwards; it is not counted twice.
   */
  private void container(OtrNode c, List<OtrNode> ancestors) {
    Outcome outcome = c.outcome();
    if (outcome != null && outcome.broken() && (c.hasOwnFailure() || c.brokenLeaves == 0)) {
      Failure f = c.failure();
      if (f.message().isEmpty() && f.details().isEmpty()) {
        f = new Failure(f.type(), "container '" + c.name + "' " + c.status, "");
      }
      sink.runError(
          new RunError(RunError.Kind.SETUP, c.scope(ancestors), f, Location.of(file, c.line)));
    } else if (outcome == Outcome.SKIPPED && c.children == 0 && !c.parent) {
      String reason = c.failure().message();
      problems.warn(
          "container skipped",
          c.line,
          "container '%s' was %s%s: the tests in it did not run and the file does not list them"
              .formatted(
                  c.name,
                  c.status.toLowerCase(java.util.Locale.ROOT),
                  reason.isEmpty() ? "" : " (" + reason + ")"));
    }
  }

  private void suite(OtrNode root) {
    sink.suite(
        new SuiteInfo(
            root.name == null ? "" : root.name,
            root.started,
            root.elapsed(),
            infrastructure,
            OtrNode.excerpt(root.stdout),
            OtrNode.excerpt(root.stderr)));
  }

  /** What a damaged file lost, for the error message: unfinished tests or the open path. */
  String unfinished(Deque<OtrNode> path) {
    if (unfinished > 0) {
      return "; %d started tests did not finish (not counted), the first '%s'"
          .formatted(unfinished, firstUnfinished);
    }
    OtrNode innermost = path.peek();
    if (innermost != null && innermost.children == 0) {
      return "; inside '%s' (line %d; not counted)".formatted(innermost.name, innermost.line);
    }
    return "";
  }
}
