package dev.evident.formats;

import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads fixtures from src/test/resources/dev/evident/formats and collects what readers emit. */
final class ReaderFixtures {

  private ReaderFixtures() {}

  /** Everything a reader emitted for one input. */
  record Collected(
      List<TestResult> tests,
      List<Problem> problems,
      List<RunError> runErrors,
      List<SuiteInfo> suites) {

    TestResult test(String name) {
      return tests.stream()
          .filter(t -> t.id().displayName().equals(name) || t.id().name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no test named " + name + " in " + tests));
    }
  }

  static final class CollectingSink implements ResultSink {
    final List<TestResult> tests = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<RunError> runErrors = new ArrayList<>();
    final List<SuiteInfo> suites = new ArrayList<>();

    @Override
    public void test(TestResult result) {
      tests.add(result);
    }

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }

    @Override
    public void runError(RunError error) {
      runErrors.add(error);
    }

    @Override
    public void suite(SuiteInfo suite) {
      suites.add(suite);
    }

    Collected collected() {
      return new Collected(tests, problems, runErrors, suites);
    }
  }

  static byte[] bytes(String resource) {
    try (InputStream in = ReaderFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("missing fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a fixture (path relative to this package's resources) with the given format's reader. */
  static Collected read(Format format, String resource) {
    return read(format, resource, bytes(resource));
  }

  static Collected read(Format format, String name, byte[] content) {
    CollectingSink sink = new CollectingSink();
    Formats.reader(format).read(ResultInput.of(name, content), sink);
    return sink.collected();
  }

  static Collected readText(Format format, String name, String content) {
    return read(format, name, content.getBytes(StandardCharsets.UTF_8));
  }
}
