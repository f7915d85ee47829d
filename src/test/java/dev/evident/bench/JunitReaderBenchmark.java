package dev.evident.bench;

import dev.evident.formats.Format;
import dev.evident.formats.Formats;
import dev.evident.formats.ResultInput;
import dev.evident.formats.ResultSink;
import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JUnit XML reader alone, on an in-memory file of 100,000 test cases (the same mix as the
 * ingest benchmark). The score is test cases per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JunitReaderBenchmark {

  static final int TESTS = 100_000;

  private byte[] xml;

  @Setup
  public void generate() throws IOException {
    StringWriter w = new StringWriter();
    JunitGenerator.write(w, TESTS, 1_000, 42);
    xml = w.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  @OperationsPerInvocation(TESTS)
  public void readTestCases(Blackhole hole) {
    Formats.reader(Format.JUNIT)
        .read(
            ResultInput.of("bench.xml", xml),
            new ResultSink() {
              @Override
              public void test(TestResult result) {
                hole.consume(result);
              }

              @Override
              public void problem(Problem problem) {
                hole.consume(problem);
              }

              @Override
              public void runError(RunError error) {
                hole.consume(error);
              }
            });
  }
}
