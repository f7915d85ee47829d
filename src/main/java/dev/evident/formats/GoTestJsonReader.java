package dev.evident.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.evident.model.Excerpt;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.io.IOException;
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
    new Parse(input.name(), sink).read(input);
  }

  private static final class Parse extends JsonLinesParse {
    final Map<String, GoPackageRun> packages = new LinkedHashMap<>();
    final GoBuildOutput build = new GoBuildOutput();

    Parse(String file, ResultSink sink) {
      super(file, sink);
    }

    @Override
    void plain(char[] c, int start, int end) {
      if (!build.plainLine(new String(c, start, end - start), line)) {
        ignore();
      }
    }

    /** A line may hold several events; an error after the first one loses only the rest. */
    @Override
    void json(char[] c, int start, int first, int end) {
      build.endPlainBlock();
      int events = 0;
      try (JsonParser p = JSON.createParser(c, start, end - start)) {
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
        if (events == 0) {
          damaged = notJson(e);
          sawEvent |= new String(c, start, end - start).contains("\"Action\"");
        } else {
          malformed(notJson(e));
        }
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

    @Override
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
        reportCut(
            "the stream ends before its packages finished",
            "still running when it ended, not counted",
            inFlight);
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
      reportMalformed(" lines are not valid JSON events and were skipped, the first: ");
      build.unclaimed(file).forEach(sink::runError);
      long unused = ignored + build.unusedPlainLines();
      if (unused > 0) {
        long first = build.firstUnusedPlainLine();
        first = firstIgnored == 0 || (first > 0 && first < firstIgnored) ? first : firstIgnored;
        problems.warn(
            "non-JSON lines", first, unused + " non-JSON lines ignored, first at line " + first);
      }
    }
  }
}
