package dev.evident.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.evident.model.Excerpt;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code go test -json} output (test2json events, one JSON object per line), as go test,
 * gotestsum's {@code --jsonfile} and CI logs write it. Every test and subtest is a test (suite =
 * package); package failures outside tests become run errors (build, setup, crash); tests cut off
 * by a crashed test binary fail with "no result"; non-JSON lines are kept as build output or
 * counted in one warning. Repeated runs of a test are emitted again, in order.
 */
final class GoTestJsonReader implements ResultReader {

  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public Format format() {
    return Format.GOTEST;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    Parse parse = new Parse(input.name(), sink);
    try (var lines =
        new LineInput(new InputStreamReader(input.openOrFail(), StandardCharsets.UTF_8))) {
      while (lines.next()) {
        parse.line(lines);
      }
    } catch (IOException | UncheckedIOException e) {
      if (!parse.sawEvent) {
        throw new UnreadableResultFileException(input.name(), "cannot read: " + e.getMessage(), e);
      }
      parse.problems.error(parse.line, 0, "reading stopped: " + e.getMessage());
    }
    parse.end();
  }

  private static final class Parse {
    final String file;
    final ResultSink sink;
    final ProblemLog problems;
    final Map<String, GoPackageRun> packages = new LinkedHashMap<>();
    final GoBuildOutput build = new GoBuildOutput();
    long line;
    long recovered;
    boolean sawEvent;

    /** A line that looked like JSON but was not; it is the truncated end if nothing follows. */
    Problem damaged;

    long malformed;
    Problem firstMalformed;
    long ignored;
    long firstIgnored;

    Parse(String file, ResultSink sink) {
      this.file = file;
      this.sink = sink;
      this.problems = new ProblemLog(file, sink);
    }

    void line(LineInput in) {
      line++;
      char[] c = in.chars();
      int n = in.length();
      int from = line == 1 && n > 0 && c[0] == '\uFEFF' ? 1 : 0;
      int first = from;
      while (first < n && Character.isWhitespace(c[first])) {
        first++;
      }
      if (first == n) {
        return;
      }
      if (damaged != null) {
        malformed++;
        firstMalformed = firstMalformed == null ? damaged : firstMalformed;
        damaged = null;
      }
      if (in.overlong()) {
        damaged = Problem.error(file, line, 0, "the line is longer than 1 MiB");
        return;
      }
      if (c[first] != '{') {
        if (!build.plainLine(new String(c, from, n - from), line)) {
          ignore();
        }
        return;
      }
      build.endPlainBlock();
      int events = 0;
      try (JsonParser p = JSON.createParser(c, from, n - from)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected '{' but found " + t);
          }
          GoTestEvent e = GoTestEvent.read(p);
          if (e.action() == null) {
            ignore();
          } else {
            events++;
            sawEvent = true;
            event(e);
          }
        }
      } catch (IOException e) {
        long column = 0;
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
          column = Math.max(0, j.getLocation().getColumnNr());
        }
        Problem problem = Problem.error(file, line, column, reason(e));
        if (events == 0) {
          damaged = problem;
          sawEvent |= new String(c, from, n - from).contains("\"Action\"");
        } else {
          malformed++;
          firstMalformed = firstMalformed == null ? problem : firstMalformed;
        }
      }
    }

    private static String reason(IOException e) {
      if (e instanceof JsonEOFException) {
        return "it ends mid-object";
      }
      String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      m = m == null ? e.toString() : m;
      int cut = m.indexOf('\n');
      return cut < 0 ? m : m.substring(0, cut);
    }

    private void ignore() {
      ignored++;
      if (firstIgnored == 0) {
        firstIgnored = line;
      }
    }

    void event(GoTestEvent e) {
      String pkgName = e.pkg() == null ? "" : e.pkg();
      switch (e.action()) {
        case "build-output" -> build.event(e.importPath(), e.output(), line);
        case "build-fail" -> build.eventFailed(e.importPath(), line);
        case "start" -> pkg(pkgName, e);
        case "run" -> {
          if (e.test() != null) {
            pkg(pkgName, e).run(e.test());
          }
        }
        case "output" -> {
          if (e.output() != null) {
            pkg(pkgName, e).output(e.test(), e.output());
          }
        }
        case "attr" -> pkg(pkgName, e).attribute(e.test(), e.key(), e.value());
        case "pause", "cont" -> pkg(pkgName, e);
        case "pass", "fail", "skip", "bench" -> {
          if (e.test() != null) {
            testResult(pkg(pkgName, e), e);
          } else {
            packageEnd(pkgName, e);
          }
        }
        default ->
            problems.warn(
                "unknown Action",
                line,
                "unknown Action '" + e.action() + "' ignored; newer Go versions may add actions");
      }
    }

    private GoPackageRun pkg(String name, GoTestEvent e) {
      return packages.computeIfAbsent(name, n -> new GoPackageRun(n, e.time()));
    }

    private void testResult(GoPackageRun pkg, GoTestEvent e) {
      Outcome outcome =
          switch (e.action()) {
            case "fail" -> Outcome.FAILED;
            case "skip" -> Outcome.SKIPPED;
            default -> Outcome.PASSED;
          };
      emit(pkg.finish(e.test(), outcome, duration(e)));
    }

    private Duration duration(GoTestEvent e) {
      if (e.elapsed() == null) {
        return null;
      }
      Duration d = Values.seconds(e.elapsed());
      if (d == null) {
        problems.warn(
            "invalid Elapsed",
            line,
            "Elapsed '" + e.elapsed() + "' is not a duration in seconds; duration left unknown");
      }
      return d;
    }

    private void packageEnd(String name, GoTestEvent e) {
      GoPackageRun pkg = packages.remove(name);
      if (pkg == null) {
        pkg = new GoPackageRun(name, e.time());
      }
      boolean failed = e.action().equals("fail");
      List<TestResult> cutOff = pkg.resolveInFlight(!failed);
      cutOff.forEach(this::emit);
      long noEvent =
          cutOff.stream()
              .filter(t -> t.failure().message().startsWith(GoPackageRun.NO_EVENT))
              .count();
      if (noEvent > 0) {
        problems.warn(
            "tests without a result event",
            line,
            noEvent
                + " tests of package '"
                + name
                + "' have no pass, fail or skip event though the package passed; counted as"
                + " failed");
      }
      if (failed) {
        var error =
            pkg.failure(
                e.failedBuild() != null,
                build.forPackage(name, e.failedBuild()),
                Location.of(file, line));
        if (error != null) {
          sink.runError(error);
        }
      }
      sink.suite(
          new SuiteInfo(
              name,
              Values.timestamp(pkg.startTime),
              duration(e),
              Map.of(),
              pkg.stdout(),
              Excerpt.EMPTY));
    }

    private void emit(TestResult result) {
      sink.test(result);
      recovered++;
    }

    void end() {
      if (!sawEvent) {
        throw new UnreadableResultFileException(
            file,
            "no go test -json events (lines like {\"Action\":\"pass\",...}) found; use --format"
                + " to force another format");
      }
      List<String> inFlight = new ArrayList<>();
      packages.forEach((name, pkg) -> pkg.inFlight().forEach(t -> inFlight.add(name + " " + t)));
      if (damaged != null || !inFlight.isEmpty()) {
        reportCut(inFlight);
      } else {
        packages.forEach(
            (name, pkg) ->
                problems.warn(
                    "package without a final event",
                    line,
                    "package '"
                        + name
                        + "' has no final pass or fail event; the stream may be cut"));
      }
      if (malformed > 0) {
        problems.error(
            firstMalformed.where().line(),
            firstMalformed.where().column(),
            malformed
                + " lines are not valid JSON events and were skipped, the first: "
                + firstMalformed.message());
      }
      build.unclaimed(file).forEach(sink::runError);
      long unused = ignored + build.unusedPlainLines();
      if (unused > 0) {
        long first = build.firstUnusedPlainLine();
        first = firstIgnored == 0 || (first > 0 && first < firstIgnored) ? first : firstIgnored;
        problems.warn(
            "non-JSON lines", first, unused + " non-JSON lines ignored, first at line " + first);
      }
      problems.finish();
    }

    /** The stream ends mid-object or while tests run: keep what was read, name what was cut. */
    private void reportCut(List<String> inFlight) {
      StringBuilder m = new StringBuilder();
      long at = line;
      long column = 0;
      if (damaged != null) {
        at = damaged.where().line();
        column = damaged.where().column();
        m.append("truncated: the last line is not complete JSON (")
            .append(damaged.message())
            .append(')');
      } else {
        m.append("the stream ends before its packages finished");
      }
      m.append("; ").append(recovered).append(" tests recovered");
      if (!inFlight.isEmpty()) {
        m.append("; still running when it ended, not counted: ");
        m.append(String.join(", ", inFlight.subList(0, Math.min(10, inFlight.size()))));
        if (inFlight.size() > 10) {
          m.append(" and ").append(inFlight.size() - 10).append(" more");
        }
      }
      problems.error(at, column, m.toString());
    }
  }
}
