package dev.evident.formats;

import dev.evident.model.Location;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Open Test Reporting XML (ota4j-team), as JUnit Platform writes it: the event stream {@code
 * <e:events>} (started, reported and finished events joined by id; they may come in any order) and
 * the tree {@code <h:execution>}. Tests are the leaves; containers are suites. A failed container
 * (a {@code @BeforeAll}) is a SETUP run error.
 *
 * <p>Memory: the tree is streamed, holding only the open path. Events are read twice: a quick pass
 * finds which ids are parents, so that tests can be emitted as they finish; see {@link OtrTree}.
 */
final class OtrReader implements ResultReader {

  private static final String NAMESPACE = "opentest4j.org/reporting";

  @Override
  public Format format() {
    return Format.OTR;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input, sink).read();
  }

  private static final class Parse extends XmlParse {
    final OtrTree tree;
    String root;
    final Map<String, String> infrastructure = new LinkedHashMap<>();
    final Deque<OtrNode> path = new ArrayDeque<>();
    OtrNode target;
    int infraDepth;
    String sourceFile;
    String textElement;
    String textKey;
    int attachments;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
      this.tree = new OtrTree(file, sink, problems, infrastructure);
    }

    @Override
    void start(String name, long line) {
      if (root == null) {
        String ns = xml.getNamespaceURI();
        if (!(name.equals("events") || name.equals("execution"))
            || ns == null
            || !ns.contains(NAMESPACE)) {
          throw new UnreadableResultFileException(
              file,
              "root element <" + name + "> is not Open Test Reporting <e:events> or <h:execution>");
        }
        root = name;
        if (name.equals("events")) {
          tree.scanParents(input);
        }
      }
      String parent = parent();
      if (infraDepth > 0 || name.equals("infrastructure")) {
        infraDepth++;
        if (infraDepth > 1) {
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            infrastructure.put(name + "." + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
          }
          startText(name, null, new BoundedText(1024, 0));
        }
        return;
      }
      switch (name) {
        case "started", "reported", "finished" -> target = event(name, line);
        case "root", "child" -> {
          OtrNode node = new OtrNode(null, line);
          node.name = attr("name");
          node.started = Values.timestamp(attr("start"));
          node.duration = duration(attr("duration"), line);
          OtrNode up = path.peek();
          if (up != null) {
            up.children++;
          }
          path.push(node);
          target = node;
        }
        default -> {
          if (target != null) {
            info(name, parent);
          }
        }
      }
    }

    private OtrNode event(String name, long line) {
      String id = attr("id");
      if (id == null) {
        problems.warn("event without id", line, "<" + name + "> without an id; ignored");
        return null;
      }
      return tree.event(name, id, attr("parentId"), attr("name"), attr("time"), line);
    }

    private Duration duration(String text, long line) {
      if (text == null) {
        return null;
      }
      try {
        Duration d = Duration.parse(text.strip());
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      problems.warn(
          "invalid duration", line, "invalid duration=\"" + text + "\"; stored as unknown");
      return null;
    }

    /** The core TestInfo content of an event or node, and the java and junit additions. */
    private void info(String name, String parent) {
      OtrNode n = target;
      String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
      switch (name) {
        case "tag" -> startText(name, null, new BoundedText(1024, 0));
        case "type", "uniqueId" -> {
          if (ns.contains("junit")) {
            startText(name, null, new BoundedText(4096, 0));
          }
        }
        case "fileSource", "classpathResourceSource" -> {
          sourceFile = attr(name.equals("fileSource") ? "path" : "resourceName");
          if (sourceFile != null && n.source == null) {
            n.source = Location.of(sourceFile, 0);
          }
        }
        case "filePosition" -> {
          if (sourceFile != null
              && ("fileSource".equals(parent) || "classpathResourceSource".equals(parent))) {
            long l = Math.max(0, Values.count(attr("line")));
            long c = Math.max(0, Values.count(attr("column")));
            n.source = new Location(sourceFile, l, c);
          }
        }
        case "classSource" -> {
          if (n.className == null) {
            n.className = attr("className");
            n.classLevel = true;
          }
        }
        case "methodSource" -> {
          n.className = attr("className");
          n.classLevel = false;
        }
        case "entry" -> startText(name, attr("key"), new BoundedText(4096, 0));
        case "output" -> startText(name, attr("source"), n.output(attr("source")));
        case "file" -> {
          if ("attachments".equals(parent) && attr("path") != null) {
            n.properties.put("attachment." + ++attachments, attr("path"));
          }
        }
        case "result" ->
            n.status =
                attr("status") == null ? null : attr("status").strip().toUpperCase(Locale.ROOT);
        case "reason" -> startText(name, null, n.reason = new BoundedText(8 * 1024, 8 * 1024));
        case "throwable" -> {
          n.throwableType = attr("type");
          n.assertionError = attr("assertionError");
          startText(name, null, n.throwable = new BoundedText(32 * 1024, 32 * 1024));
        }
        default -> {}
      }
    }

    private void startText(String element, String key, BoundedText into) {
      text = into;
      textElement = element;
      textKey = key;
    }

    @Override
    void end(String name) {
      if (infraDepth > 0) {
        if (--infraDepth > 0 && text != null) {
          String value = text.text().strip();
          if (!value.isEmpty()) {
            infrastructure.put(name, value);
          }
        }
        text = null;
        return;
      }
      if (text != null && name.equals(textElement)) {
        endText();
      }
      switch (name) {
        case "started", "reported", "finished" -> {
          // Finished only once its result is read: a file cut inside it lost the outcome.
          if (target != null) {
            target.finishedSeen |= name.equals("finished");
            tree.eventEnded(target);
          }
          target = null;
        }
        case "root", "child" -> {
          OtrNode node = path.pop();
          tree.closed(node, new ArrayList<>(path.reversed()));
          target = path.peek();
        }
        case "fileSource", "classpathResourceSource" -> sourceFile = null;
        default -> {}
      }
    }

    private void endText() {
      OtrNode n = target;
      String value =
          textElement.equals("output")
                  || textElement.equals("reason")
                  || textElement.equals("throwable")
              ? null
              : text.text().strip();
      switch (textElement) {
        case "tag" -> n.tags.add(value);
        case "type" -> n.junitType = value;
        case "uniqueId" -> n.properties.put("uniqueId", value);
        case "entry" -> {
          // JUnit before 1.12 reported captured output as data entries named stdout/stderr.
          if ("stdout".equals(textKey) || "stderr".equals(textKey)) {
            n.output(textKey).append(value);
          } else if (textKey != null) {
            n.properties.put(textKey, value);
          }
        }
        default -> {}
      }
      text = null;
      textElement = null;
    }

    /** The events are joined and emitted at the end; the tree was emitted as it closed. */
    @Override
    void inputEnded(boolean damaged) {
      if ("events".equals(root)) {
        tree.emitEvents(damaged);
      }
      recovered = tree.recovered; // the tree counts the tests it emits, for the damage message
    }

    @Override
    String inside() {
      return "";
    }

    @Override
    String unit() {
      return "tests";
    }

    @Override
    String lost() {
      return tree.unfinished(path);
    }

    /** OTR's warning has always been this shorter one; kept so that its output stays the same. */
    @Override
    String entityWarning(String name) {
      return "entity reference &" + name + "; left unexpanded";
    }
  }
}
