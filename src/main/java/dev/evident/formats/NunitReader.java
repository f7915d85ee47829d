package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads NUnit result XML: NUnit 3 ({@code <test-run>}, also written by the NUnit console 4) and
 * NUnit 2 ({@code <test-results>}, also written by Pester and other tools). Test cases may nest in
 * any depth of test suites. Results are mapped to outcomes as {@link NunitNode} explains.
 */
final class NunitReader implements ResultReader {

  @Override
  public Format format() {
    return Format.NUNIT;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input, sink).read();
  }

  private static final class Parse extends XmlParse {
    final Deque<NunitNode> suites = new ArrayDeque<>();
    Map<String, Long> declared = Map.of();
    final Tally found = new Tally();
    boolean nunit2;
    long rootLine;
    long executedCases;
    NunitNode current;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
    }

    @Override
    void start(String name, long line) {
      if (open.size() == 1) {
        root(name, line);
        return;
      }
      String parent = parent();
      NunitNode node = current != null ? current : suites.peek();
      switch (name) {
        case "test-suite" -> {
          NunitNode suite = new NunitNode(this, line);
          suite.qualify(suites.peek());
          suites.push(suite);
        }
        case "test-case" -> {
          if (current != null) {
            skip();
          } else {
            current = new NunitNode(this, line);
          }
        }
        case "results", "failure", "reason", "properties", "categories" -> {}
        case "message", "stack-trace" -> {
          BoundedText into = node == null ? null : node.textFor(name, parent);
          if (into == null) {
            skip();
          } else {
            text = into;
          }
        }
        case "output" -> {
          if (current != null) {
            current.output = collect();
          } else {
            skip();
          }
        }
        case "property" -> {
          if (node != null && "properties".equals(parent)) {
            String key = attr("name");
            node.property(key, attr("value"), "Category".equals(key));
          }
          skip();
        }
        case "category" -> {
          String category = attr("name");
          if (node != null && category != null && !category.isBlank()) {
            node.tags.add(category.strip());
          }
          skip();
        }
        default -> skip();
      }
    }

    private void root(String name, long line) {
      if (!name.equals("test-run") && !name.equals("test-results")) {
        throw new UnreadableResultFileException(
            file,
            "root element <" + name + "> is not NUnit XML (expected <test-run> or <test-results>)");
      }
      nunit2 = name.equals("test-results");
      rootLine = line;
      declared = declaredCounts();
    }

    @Override
    void end(String name) {
      text = null;
      switch (name) {
        case "test-case" -> {
          if (current != null) {
            endCase(current);
            current = null;
          }
        }
        case "test-suite" -> endSuite(suites.pop());
        case "test-run", "test-results" -> {
          if (open.size() == 1) {
            checkDeclared();
          }
        }
        default -> {}
      }
    }

    private void endCase(NunitNode c) {
      recovered++;
      found.add(c.status());
      if (c.wasExecuted()) {
        executedCases++;
      }
      for (NunitNode s : suites) {
        s.hasCases = true;
      }
      Outcome outcome = c.outcome();
      Map<String, String> properties = c.properties;
      String warning = c.warning();
      if (warning != null) {
        properties.put("warning", warning);
      }
      if (c.description != null && !c.description.isBlank()) {
        properties.putIfAbsent("Description", c.description);
      }
      sink.test(
          new TestResult(
              identity(c),
              outcome,
              duration(c),
              c.failure(outcome),
              List.of(),
              excerptOf(c.output),
              Excerpt.EMPTY,
              null,
              tags(c),
              properties));
    }

    /** NUnit selects a test by the categories of its fixtures too, so they are its tags. */
    private List<String> tags(NunitNode c) {
      List<String> tags = new ArrayList<>(c.tags);
      for (NunitNode s : suites) {
        for (String tag : s.tags) {
          if (!tags.contains(tag)) {
            tags.add(tag);
          }
        }
      }
      return tags;
    }

    private TestId identity(NunitNode c) {
      TestId id = c.identity(nunit2, enclosingFixture());
      if (id.name().equals(NunitNode.UNNAMED)) {
        problems.warn(
            "test case without a name", c.line, "test case without a name, stored as '(unnamed)'");
      }
      return id;
    }

    private String enclosingFixture() {
      for (NunitNode s : suites) {
        if (s.type != null && s.type.endsWith("Fixture")) {
          return s.qualified;
        }
      }
      return "";
    }

    private Duration duration(NunitNode c) {
      if (c.time == null || c.time.isBlank()) {
        return null;
      }
      Duration d = Values.seconds(c.time);
      if (d == null) {
        problems.warn(
            "invalid duration",
            c.line,
            "invalid duration \"" + c.time + "\" on test case '" + c.name + "'; stored as unknown");
      }
      return d;
    }

    /**
     * A suite's own failure is a run error when it is not just the sum of its children: a
     * OneTimeSetUp/TearDown failure, or a fixture NUnit could not even build. A skipped suite whose
     * test cases are missing from the file is a warning, so that they are not lost unseen.
     */
    private void endSuite(NunitNode s) {
      if (s.hasCases && !suites.isEmpty()) {
        suites.peek().hasCases = true;
      }
      String status = s.status().toLowerCase(Locale.ROOT);
      String label = s.label.toLowerCase(Locale.ROOT);
      String message = textOf(s.message);
      String reason = textOf(s.reason);
      String site = s.site == null ? "" : s.site.toLowerCase(Locale.ROOT);
      String scope = s.qualified;
      boolean childNote =
          message.startsWith("One or more child tests")
              || message.startsWith("Child test")
              || site.equals("child")
              || site.equals("parent");
      boolean invalid = label.equals("invalid") || status.equals("notrunnable");
      boolean ownFailure =
          (status.equals("failed") || status.equals("failure") || status.equals("error"))
              && !message.isEmpty()
              && !childNote;
      if (invalid || ownFailure) {
        String text = message.isEmpty() ? reason : message;
        if (text.isEmpty()) {
          text = s.labelOrStatus();
        }
        Failure failure = new Failure(NunitNode.exceptionType(text), text, textOf(s.stackTrace));
        sink.runError(new RunError(RunError.Kind.SETUP, scope, failure, Location.of(file, s.line)));
      } else if (!s.hasCases && s.testcasecount > 0 && status.equals("skipped")) {
        problems.warn(
            "skipped suite without its test cases",
            s.line,
            "test suite '"
                + scope
                + "' was skipped ("
                + (reason.isEmpty() ? s.label : reason)
                + ") and its "
                + s.testcasecount
                + " test cases are not in the file; they are not counted");
      }
    }

    private void checkDeclared() {
      String off = NunitCounts.disagreement(nunit2, declared, found, executedCases);
      problems.countsDisagree(
          rootLine, nunit2 ? "<test-results>" : "<test-run>", off, "test cases");
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
