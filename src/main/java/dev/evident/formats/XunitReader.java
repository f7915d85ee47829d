package dev.evident.formats;

import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads xUnit.net XML: v2 and v3 ({@code <assemblies><assembly><collection><test>}) and v1 ({@code
 * <assembly><class><test>}). Errors outside tests ({@code <errors><error>}: cleanup failures of an
 * assembly, collection, class or test, and fatal runner errors; a v1 class that failed) are run
 * errors. Results are mapped to outcomes as {@link XunitItem} explains.
 */
final class XunitReader implements ResultReader {

  @Override
  public Format format() {
    return Format.XUNIT;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input, sink).read();
  }

  private static final class Parse extends XmlParse {
    /** v2 and v3 escape names, messages, reasons and traits; v1 does not. */
    boolean escaped;

    String assembly = "";
    String className;
    long assemblyLine;
    Map<String, Long> declared = Map.of();
    final Tally found = new Tally();
    long errors;
    XunitItem test;
    XunitItem error;
    XunitItem classFailure;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
    }

    private String unescape(String s) {
      return escaped ? Dotnet.unescapeXunit(s) : s;
    }

    @Override
    void start(String name, long line) {
      String parent = parent();
      if (open.size() == 1 && !name.equals("assemblies") && !name.equals("assembly")) {
        throw new UnreadableResultFileException(
            file,
            "root element <"
                + name
                + "> is not xUnit.net XML (expected <assemblies> or <assembly>)");
      }
      XunitItem item = test != null ? test : error != null ? error : classFailure;
      switch (name) {
        case "assemblies" -> escaped = true;
        case "assembly" -> startAssembly(line);
        case "collection", "errors", "traits", "warnings" -> {}
        case "class" -> className = attr("name");
        case "test" -> test = new XunitItem(this, line, escaped);
        case "error" -> {
          if ("errors".equals(parent)) {
            error = new XunitItem(this, line, escaped);
            error.properties.put("type", attr("type") == null ? "" : attr("type"));
          } else {
            skip();
          }
        }
        case "failure" -> {
          if (item == null && "class".equals(parent)) {
            item = classFailure = new XunitItem(this, line, escaped);
          }
          if (item == null) {
            skip();
          } else {
            item.exceptionType = attr("exception-type");
          }
        }
        case "message", "stack-trace" -> {
          BoundedText into = item == null ? null : item.textFor(name, parent);
          if (into == null) {
            skip();
          } else {
            text = into;
          }
        }
        case "reason" -> {
          if (test != null) {
            text = test.reason = details(test.reason);
          }
        }
        case "output" -> {
          if (test != null) {
            test.output = collect();
          } else {
            skip();
          }
        }
        case "warning" -> {
          if (test != null) {
            if (test.warnings == null) {
              test.warnings = new BoundedText(4096, 4096);
            } else {
              test.warnings.append("\n");
            }
            text = test.warnings;
          } else {
            skip();
          }
        }
        case "trait" -> {
          if (test != null) {
            String key = unescape(attr("name"));
            test.property(key, unescape(attr("value")), "Category".equalsIgnoreCase(key));
          }
          skip();
        }
        default -> skip();
      }
    }

    private void startAssembly(long line) {
      assemblyLine = line;
      String path = attr("name");
      assembly = path == null ? "" : Dotnet.fileName(path.strip());
      declared = declaredCounts();
      found.clear();
      errors = 0;
    }

    @Override
    void end(String name) {
      text = null;
      switch (name) {
        case "test" -> {
          if (test != null) {
            endTest(test);
            test = null;
          }
        }
        case "error" -> {
          if (error != null) {
            endError(error);
            error = null;
          }
        }
        case "failure" -> {
          if (classFailure != null) {
            sink.runError(
                new RunError(
                    RunError.Kind.SETUP,
                    className == null ? "" : className,
                    classFailure.failure("class failed"),
                    Location.of(file, classFailure.line)));
            classFailure = null;
          }
        }
        case "class" -> className = null;
        case "assembly" -> checkDeclared();
        default -> {}
      }
    }

    private void endTest(XunitItem t) {
      recovered++;
      found.add(t.result);
      String suite = t.type != null && !t.type.isBlank() ? t.type.strip() : null;
      String display = t.name != null && !t.name.isBlank() ? t.name : t.method;
      if (display == null || display.isBlank()) {
        problems.warn("test without a name", t.line, "test without a name, stored as '(unnamed)'");
        display = "(unnamed)";
      }
      if (suite == null) {
        String[] split = Dotnet.splitQualified(display);
        suite = !split[0].isEmpty() ? split[0] : className == null ? "" : className;
      }
      TestId id = Dotnet.testId(suite, display);
      if (!t.knownResult()) {
        problems.warn(
            "unknown result",
            t.line,
            "unknown result=\"" + t.result + "\" on test '" + display + "'; counted as skipped");
      }
      Outcome outcome = t.outcome();
      if (t.warnings != null && !t.warnings.isEmpty()) {
        t.properties.put("warning", unescape(t.warnings.text().strip()));
      }
      Location source =
          t.sourceFile == null || t.sourceFile.isBlank()
              ? null
              : Location.of(t.sourceFile, t.sourceLine);
      sink.test(
          new TestResult(
              id,
              outcome,
              duration(t, display),
              t.resultFailure(),
              List.of(),
              excerptOf(t.output),
              Excerpt.EMPTY,
              source,
              t.tags,
              t.properties));
    }

    /** A fatal error stops the runner; the others are cleanup failures of their scope. */
    private void endError(XunitItem e) {
      errors++;
      String type = e.properties.get("type");
      String scope = e.name != null && !e.name.isBlank() ? e.name.strip() : assembly;
      if (type.equals("assembly-cleanup")) {
        scope = Dotnet.fileName(scope);
      }
      RunError.Kind kind = type.equals("fatal") ? RunError.Kind.CRASH : RunError.Kind.SETUP;
      Failure failure = e.failure(type.isEmpty() ? "error" : type);
      sink.runError(new RunError(kind, scope, failure, Location.of(file, e.line)));
    }

    private Duration duration(XunitItem t, String display) {
      if (t.time == null || t.time.isBlank()) {
        return null;
      }
      Duration d = Values.seconds(t.time);
      if (d == null) {
        problems.warn(
            "invalid duration",
            t.line,
            "invalid duration time=\""
                + t.time
                + "\" on test '"
                + display
                + "'; stored as unknown");
      }
      return d;
    }

    private void checkDeclared() {
      StringBuilder off = new StringBuilder();
      compare(off, "total", declared.get("total"), found.total());
      compare(off, "passed", declared.get("passed"), found.get("pass"));
      compare(off, "failed", declared.get("failed"), found.get("fail"));
      compare(off, "skipped", declared.get("skipped"), found.get("skip"));
      compare(off, "not-run", declared.get("not-run"), found.get("notrun"));
      compare(off, "errors", declared.get("errors"), errors);
      problems.countsDisagree(assemblyLine, "<assembly> '" + assembly + "'", off, "tests");
    }

    @Override
    String inside() {
      return test == null ? "" : inside("test", test.name, test.line);
    }

    @Override
    String unit() {
      return "tests";
    }
  }
}
