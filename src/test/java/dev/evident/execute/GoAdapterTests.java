package dev.evident.execute;

import static dev.evident.execute.Output.fixture;
import static dev.evident.execute.Output.follow;
import static dev.evident.execute.Output.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoAdapterTests {

  private static final Path WORK = Path.of("/home/dev/shop");
  private static final Path SCRATCH = Path.of("/tmp/scratch");

  private final GoAdapter adapter = new GoAdapter();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          go test ./...                        | go test -json ./...
          go test -v -run TestCart ./cart      | go test -json -v -run TestCart ./cart
          go -C service test ./...             | go -C service test -json ./...
          go test -json ./...                  | go test -json ./...
          go test -count=1 -json=true ./...    | go test -count=1 -json=true ./...
          go test ./... -args -json            | go test -json ./... -args -json
          """)
  void addsJsonAfterTestAndReadsStandardOutputAsTheResultStream(String line, String prepared) {
    var invocation = adapter.prepare(List.of(line.strip().split(" ")), WORK, SCRATCH);

    assertThat(String.join(" ", invocation.command())).isEqualTo(prepared.strip());
    assertThat(invocation.stdoutIsResults()).isTrue();
    assertThat(invocation.stdoutFormat()).isEqualTo("gotest");
    assertThat(invocation.results()).isEmpty();
  }

  @Test
  void addsJsonInsideAScriptWhoseOutputGoesToAFile() {
    var invocation =
        adapter.prepare(List.of("sh", "-c", "go test ./... > out.json"), WORK, SCRATCH);

    assertThat(invocation.command()).containsExactly("sh", "-c", "go test -json ./... > out.json");
  }

  @Test
  void leavesAGoTestThatPipesIntoAnotherProgramAlone() {
    var command = List.of("bash", "-c", "go test -v ./... 2>&1 | go-junit-report > report.xml");

    var invocation = adapter.prepare(command, WORK, SCRATCH);

    assertThat(invocation.command()).isEqualTo(command);
    assertThat(invocation.stdoutIsResults()).isFalse();
  }

  @Test
  void countsTestEventsOfTheJsonStreamWithSubtestsAsTests() {
    var summary = adapter.summarize(fixture("go-test.jsonl")).orElseThrow();

    assertThat(List.of(summary.passed(), summary.failed(), summary.errored(), summary.skipped()))
        .containsExactly(3L, 1L, 0L, 1L);
    assertThat(summary.line()).isEqualTo("5 test results counted from go test's output");
  }

  @Test
  void countsPlainVerboseOutputWhenThereIsNoJson() {
    var output =
        lines(
            """
            === RUN   TestAdd
            --- PASS: TestAdd (0.00s)
            === RUN   TestTotal
                cart_test.go:14: total = 2, want 3
            --- FAIL: TestTotal (0.00s)
            === RUN   TestTax
            --- PASS: TestTax (0.00s)
                --- PASS: TestTax/de (0.00s)
                --- SKIP: TestTax/fr (0.00s)
            FAIL
            FAIL	example.com/shop/cart	0.012s
            ok  	example.com/shop/prices	0.008s
            """);

    var summary = adapter.summarize(output).orElseThrow();

    assertThat(List.of(summary.passed(), summary.failed(), summary.skipped()))
        .containsExactly(3L, 1L, 1L);
  }

  @Test
  void findsNoSummaryInPackageLinesAlone() {
    assertThat(adapter.summarize(lines("ok  \texample.com/shop/cart\t0.010s\n"))).isEmpty();
  }

  @Test
  void followsProgressFromJsonEventsButNotFromTheirOutputLines() {
    var progress = follow(adapter, fixture("go-test.jsonl"));

    assertThat(progress.finished()).isEqualTo(5);
    assertThat(progress.failed()).isEqualTo(1);
  }

  @Test
  void explainsABuildFailureInPlainOutput() {
    var output =
        lines(
            """
            # example.com/shop/cart [example.com/shop/cart.test]
            ./cart_test.go:9:2: undefined: totl
            FAIL	example.com/shop/cart [build failed]
            FAIL
            """);

    assertThat(adapter.whyBroken(output))
        .contains("build failed: ./cart_test.go:9:2: undefined: totl");
  }

  @Test
  void explainsABuildFailureReportedAsJsonBuildOutput() {
    var output =
        lines(
            """
            {"ImportPath":"example.com/shop/cart [example.com/shop/cart.test]","Action":"build-output","Output":"# example.com/shop/cart [example.com/shop/cart.test]\\n"}
            {"ImportPath":"example.com/shop/cart [example.com/shop/cart.test]","Action":"build-output","Output":"./cart_test.go:9:2: undefined: \\"totl\\"\\n"}
            {"ImportPath":"example.com/shop/cart [example.com/shop/cart.test]","Action":"build-fail"}
            {"Time":"2025-03-01T10:00:00Z","Action":"output","Package":"example.com/shop/cart","Output":"FAIL\\texample.com/shop/cart [build failed]\\n"}
            """);

    assertThat(adapter.whyBroken(output))
        .contains("build failed: ./cart_test.go:9:2: undefined: \"totl\"");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          go: cannot find main module, but found .git/config in /home/dev\\n\tto create a module there, run:\\n\tgo mod init | go: cannot find main module, but found .git/config in /home/dev
          FAIL\texample.com/shop/cart [setup failed] | setup failed: FAIL	example.com/shop/cart [setup failed]
          ?   \texample.com/shop/cmd\t[no test files] | no test files
          panic: database url missing\\n\\ngoroutine 1 [running]:\\nFAIL\texample.com/shop/cart\t0.004s | the test binary panicked: panic: database url missing
          """)
  void explainsOtherWaysGoTestRunsNothing(String output, String reason) {
    assertThat(adapter.whyBroken(lines(output.replace("\\n", "\n")))).contains(reason);
  }
}
