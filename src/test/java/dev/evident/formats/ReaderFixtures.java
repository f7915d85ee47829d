package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.Severity;
import dev.evident.model.SuiteInfo;
import dev.evident.model.TestResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads fixtures from src/test/resources/dev/evident/formats and collects what readers emit; other
 * packages' tests read result files with {@link #read(Format, ResultInput)}.
 */
public final class ReaderFixtures {

  private ReaderFixtures() {}

  /** Everything a reader emitted for one input. */
  public record Collected(
      List<TestResult> tests,
      List<Problem> problems,
      List<RunError> runErrors,
      List<SuiteInfo> suites) {

    /** The only problem, which must be an error: what a truncated or malformed file yields. */
    Problem onlyError() {
      assertThat(problems).singleElement().extracting(Problem::severity).isEqualTo(Severity.ERROR);
      return problems.getFirst();
    }

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
    return read(format, ResultInput.of(name, content));
  }

  public static Collected read(Format format, ResultInput input) {
    CollectingSink sink = new CollectingSink();
    Formats.reader(format).read(input, sink);
    return sink.collected();
  }

  static Collected readText(Format format, String name, String content) {
    return read(format, name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** An input of {@code before}, {@code count} times 'x' and {@code after}, never all in memory. */
  static ResultInput hugeText(String name, String before, long count, String after) {
    return new ResultInput(name) {
      @Override
      public InputStream open() {
        return new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)),
                    new RepeatingInputStream((byte) 'x', count),
                    new ByteArrayInputStream(after.getBytes(StandardCharsets.UTF_8)))));
      }
    };
  }

  /** An input stream of {@code n} copies of one byte, without holding them in memory. */
  private static final class RepeatingInputStream extends InputStream {
    private final byte value;
    private long left;

    RepeatingInputStream(byte value, long n) {
      this.value = value;
      this.left = n;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return value;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, value);
      left -= n;
      return n;
    }
  }
}
