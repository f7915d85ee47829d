package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.Severity;
import dev.evident.model.TestResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoTestJsonReaderTests {

  private static ReaderFixtures.Collected read(String stream) {
    return ReaderFixtures.readText(Format.GOTEST, "go.json", stream);
  }

  @Test
  void readsTestsAndSubtestsWithOutcomesDurationsAndFailureLines() {
    var read =
        read(
            """
            {"Time":"2025-01-02T10:00:00Z","Action":"start","Package":"example.com/calc"}
            {"Action":"run","Package":"example.com/calc","Test":"TestAdd"}
            {"Action":"output","Package":"example.com/calc","Test":"TestAdd","Output":"=== RUN   TestAdd\\n"}
            {"Action":"output","Package":"example.com/calc","Test":"TestAdd","Output":"    calc_test.go:9: adding\\n"}
            {"Action":"output","Package":"example.com/calc","Test":"TestAdd","Output":"--- PASS: TestAdd (0.25s)\\n"}
            {"Action":"pass","Package":"example.com/calc","Test":"TestAdd","Elapsed":0.25}
            {"Action":"run","Package":"example.com/calc","Test":"TestDiv"}
            {"Action":"run","Package":"example.com/calc","Test":"TestDiv/by_zero"}
            {"Action":"output","Package":"example.com/calc","Test":"TestDiv/by_zero","Output":"    calc_test.go:12: want 3, got 4\\n"}
            {"Action":"output","Package":"example.com/calc","Test":"TestDiv/by_zero","Output":"    --- FAIL: TestDiv/by_zero (0.01s)\\n"}
            {"Action":"fail","Package":"example.com/calc","Test":"TestDiv/by_zero","Elapsed":0.01}
            {"Action":"output","Package":"example.com/calc","Test":"TestDiv","Output":"--- FAIL: TestDiv (0.02s)\\n"}
            {"Action":"fail","Package":"example.com/calc","Test":"TestDiv","Elapsed":0.02}
            {"Action":"run","Package":"example.com/calc","Test":"TestNet"}
            {"Action":"output","Package":"example.com/calc","Test":"TestNet","Output":"    calc_test.go:30: needs network\\n"}
            {"Action":"skip","Package":"example.com/calc","Test":"TestNet","Elapsed":0}
            {"Action":"output","Package":"example.com/calc","Output":"FAIL\\n"}
            {"Action":"output","Package":"example.com/calc","Output":"FAIL\\texample.com/calc\\t0.03s\\n"}
            {"Action":"fail","Package":"example.com/calc","Elapsed":0.03}
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + " " + t.outcome())
        .containsExactly(
            "TestAdd PASSED", "TestDiv/by_zero FAILED", "TestDiv FAILED", "TestNet SKIPPED");
    TestResult add = read.test("TestAdd");
    assertThat(add.id().suite()).isEqualTo("example.com/calc");
    assertThat(add.id().parameters()).isEmpty();
    assertThat(add.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(add.stdout().text()).isEqualTo("    calc_test.go:9: adding\n");
    TestResult sub = read.test("TestDiv/by_zero");
    assertThat(sub.failure().message()).isEqualTo("calc_test.go:12: want 3, got 4");
    assertThat(sub.failure().details()).isEqualTo("calc_test.go:12: want 3, got 4");
    assertThat(read.test("TestDiv").failure().message())
        .isEqualTo("subtest failed: TestDiv/by_zero");
    assertThat(read.test("TestNet").failure().message())
        .isEqualTo("calc_test.go:30: needs network");
    assertThat(read.runErrors()).isEmpty();
    assertThat(read.problems()).isEmpty();
    assertThat(read.suites())
        .singleElement()
        .satisfies(s -> assertThat(s.duration()).isEqualTo(Duration.ofMillis(30)));
  }

  @Test
  void panicIsTheFailureMessageOverEarlierLogLines() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestX"}
            {"Action":"output","Package":"p","Test":"TestX","Output":"    x_test.go:5: starting\\n"}
            {"Action":"output","Package":"p","Test":"TestX","Output":"--- FAIL: TestX (0.00s)\\n"}
            {"Action":"output","Package":"p","Test":"TestX","Output":"panic: boom [recovered]\\n"}
            {"Action":"fail","Package":"p","Test":"TestX","Elapsed":0}
            {"Action":"fail","Package":"p","Elapsed":0.1}
            """);

    assertThat(read.test("TestX").failure().message()).isEqualTo("panic: boom [recovered]");
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void attrEventsBecomeTestProperties() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"attr","Package":"p","Test":"TestA","Key":"issue","Value":"GH-12"}
            {"Action":"output","Package":"p","Test":"TestA","Output":"=== ATTR  TestA issue GH-12\\n"}
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}
            {"Action":"pass","Package":"p","Elapsed":0}
            """);

    assertThat(read.test("TestA").properties())
        .containsExactly(java.util.Map.entry("issue", "GH-12"));
    assertThat(read.test("TestA").stdout().isEmpty()).isTrue();
  }

  @Test
  void buildFailureWithBuildOutputEventsIsABuildRunErrorOfThePackage() {
    var read =
        read(
            """
            {"ImportPath":"example.com/cache [example.com/cache.test]","Action":"build-output","Output":"# example.com/cache [example.com/cache.test]\\n"}
            {"ImportPath":"example.com/cache [example.com/cache.test]","Action":"build-output","Output":"./dir_test.go:32:10: undefined: assert.Foo\\n"}
            {"ImportPath":"example.com/cache [example.com/cache.test]","Action":"build-fail"}
            {"Action":"start","Package":"example.com/cache"}
            {"Action":"output","Package":"example.com/cache","Output":"FAIL\\texample.com/cache [build failed]\\n"}
            {"Action":"fail","Package":"example.com/cache","Elapsed":0,"FailedBuild":"example.com/cache [example.com/cache.test]"}
            """);

    assertThat(read.tests()).isEmpty();
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.BUILD);
              assertThat(e.scope()).isEqualTo("example.com/cache");
              assertThat(e.failure().message())
                  .isEqualTo("./dir_test.go:32:10: undefined: assert.Foo");
              assertThat(e.failure().details()).contains("# example.com/cache");
              assertThat(e.where().line()).isEqualTo(6);
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void setupFailedPackageIsASetupRunError() {
    var read =
        read(
            """
            {"ImportPath":"example.com/sub.test","Action":"build-output","Output":"# example.com/sub\\n"}
            {"ImportPath":"example.com/sub.test","Action":"build-output","Output":"a_test.go:1:1: expected 'package', found x\\n"}
            {"ImportPath":"example.com/sub.test","Action":"build-fail"}
            {"Action":"output","Package":"example.com/sub","Output":"FAIL\\texample.com/sub [setup failed]\\n"}
            {"Action":"fail","Package":"example.com/sub","Elapsed":0,"FailedBuild":"example.com/sub.test"}
            """);

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.failure().message())
                  .isEqualTo("a_test.go:1:1: expected 'package', found x");
            });
  }

  @Test
  void plainBuildErrorsBeforeTheJsonExplainABuildFailureWithoutAWarning() {
    var read =
        read(
            """
            # example.com/web
            ./handler.go:14:2: undefined: render
            {"Action":"output","Package":"example.com/web","Output":"FAIL\\texample.com/web [build failed]\\n"}
            {"Action":"fail","Package":"example.com/web","Elapsed":0}
            """);

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.BUILD);
              assertThat(e.failure().message()).isEqualTo("./handler.go:14:2: undefined: render");
              assertThat(e.failure().details()).startsWith("# example.com/web\n");
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void packageThatFailsWithoutAFailedTestIsACrashWithItsOutput() {
    var read =
        read(
            """
            {"Action":"output","Package":"example.com/badmain","Output":"TestMain: cannot connect to redis\\n"}
            {"Action":"output","Package":"example.com/badmain","Output":"FAIL\\texample.com/badmain\\t0.001s\\n"}
            {"Action":"fail","Package":"example.com/badmain","Elapsed":0.001}
            {"Action":"output","Package":"example.com/good","Output":"ok  \\texample.com/good\\t0.01s\\tcoverage: 80.0% of statements\\n"}
            {"Action":"pass","Package":"example.com/good","Elapsed":0.01}
            """);

    assertThat(read.tests()).isEmpty();
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.CRASH);
              assertThat(e.scope()).isEqualTo("example.com/badmain");
              assertThat(e.failure().message()).isEqualTo("TestMain: cannot connect to redis");
              assertThat(e.failure().details()).contains("FAIL\texample.com/badmain");
            });
  }

  @Test
  void testRunningWhenTheBinaryTimedOutFailsWithNoResultAndCarriesThePanic() {
    var read =
        read(
            """
            {"Action":"start","Package":"p"}
            {"Action":"run","Package":"p","Test":"TestSlow"}
            {"Action":"output","Package":"p","Test":"TestSlow","Output":"=== RUN   TestSlow\\n"}
            {"Action":"output","Package":"p","Test":"TestSlow","Output":"panic: test timed out after 2s\\n"}
            {"Action":"output","Package":"p","Test":"TestSlow","Output":"goroutine 6 [sleep]:\\n"}
            {"Action":"output","Package":"p","Output":"FAIL\\tp\\t2.003s\\n"}
            {"Action":"fail","Package":"p","Elapsed":2.003}
            """);

    var slow = read.test("TestSlow");
    assertThat(slow.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(slow.duration()).isNull();
    assertThat(slow.failure().message())
        .isEqualTo(
            "no result: the test binary exited while it ran (panic: test timed out after 2s)");
    assertThat(slow.failure().details())
        .contains("goroutine 6 [sleep]:")
        .contains("[package output]\nFAIL\tp\t2.003s");
    assertThat(read.runErrors()).isEmpty();
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void panicAfterEveryTestPassedIsACrashOfThePackage() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestHello"}
            {"Action":"output","Package":"p","Test":"TestHello","Output":"--- PASS: TestHello (1.00s)\\n"}
            {"Action":"output","Package":"p","Test":"TestHello","Output":"panic: test timed out after 1s\\n"}
            {"Action":"pass","Package":"p","Test":"TestHello","Elapsed":1}
            {"Action":"output","Package":"p","Output":"FAIL\\tp\\t1.012s\\n"}
            {"Action":"fail","Package":"p","Elapsed":1.012}
            """);

    assertThat(read.test("TestHello").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.CRASH);
              assertThat(e.failure().message()).isEqualTo("panic: test timed out after 1s");
            });
  }

  @Test
  void truncatedStreamKeepsFinishedTestsAndNamesTheTestsInFlight() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}
            {"Action":"run","Package":"p","Test":"TestB"}
            {"Action":"run","Package":"p","Test":"TestB/sub"}
            {"Action":"output","Package":"p","Test":"TestB/sub","Output":"work
            """);

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("TestA");
    var error = read.onlyError();
    assertThat(error.where().line()).isEqualTo(5);
    assertThat(error.message())
        .contains("truncated")
        .contains("1 tests recovered")
        .contains("not counted: p TestB, p TestB/sub");
  }

  @Test
  void streamEndingBeforeItsPackageFinishedIsAnErrorAndTheRunningTestsAreNotCounted() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\\n"}
            """);

    assertThat(read.tests()).isEmpty();
    assertThat(read.onlyError().message()).contains("0 tests recovered").contains("p TestA");
  }

  @Test
  void malformedLineInTheMiddleIsOneErrorAndReadingGoesOn() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"pass","Package":"p","Te
            {"Action":"run","Package":"p","Test":"TestB"}
            {"Action":"pass","Package":"p","Test":"TestB","Elapsed":0}
            {"Action":"pass","Package":"p","Elapsed":0}
            """);

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("TestB", "TestA");
    assertThat(read.test("TestA").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.where().line())
        .contains("ERROR 2");
  }

  @Test
  void nonJsonLinesAreOneWarningNamingTheFirst() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            |||not test2json|||
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}
            starting the next step
            {"Action":"pass","Package":"p","Elapsed":0}
            """);

    assertThat(read.tests()).hasSize(1);
    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.where().line()).isEqualTo(2);
              assertThat(p.message()).isEqualTo("2 non-JSON lines ignored, first at line 2");
            });
  }

  @Test
  void buildHeaderWithoutErrorsBelowItCountsAsAnIgnoredLine() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}
            # example.com/tools
            {"Action":"pass","Package":"p","Elapsed":0}
            """);

    assertThat(read.runErrors()).isEmpty();
    assertThat(read.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .containsExactly("3 1 non-JSON lines ignored, first at line 3");
  }

  @Test
  void everyRunOfARepeatedTestIsEmittedInOrderEvenWithoutRunEvents() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestFlaky"}
            {"Action":"output","Package":"p","Test":"TestFlaky","Output":"    f_test.go:8: not this time\\n"}
            {"Action":"fail","Package":"p","Test":"TestFlaky","Elapsed":0}
            {"Action":"fail","Package":"p","Elapsed":0.001}
            {"Action":"fail","Package":"p","Test":"TestFlaky","Elapsed":0}
            {"Action":"fail","Package":"p","Elapsed":0.001}
            {"Action":"run","Package":"p","Test":"TestFlaky"}
            {"Action":"pass","Package":"p","Test":"TestFlaky","Elapsed":0}
            {"Action":"pass","Package":"p","Elapsed":0.001}
            """);

    assertThat(read.tests())
        .extracting(TestResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.PASSED);
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void testsWithoutAResultInAPassedPackageUseTheirPrintedVerdictOrTheirParentsElseFail() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestPrinted"}
            {"Action":"output","Package":"p","Test":"TestPrinted","Output":"--- PASS: TestPrinted (0.00s)\\n"}
            {"Action":"run","Package":"p","Test":"TestParent"}
            {"Action":"run","Package":"p","Test":"TestParent/child"}
            {"Action":"pass","Package":"p","Test":"TestParent","Elapsed":0}
            {"Action":"run","Package":"p","Test":"TestLost"}
            {"Action":"pass","Package":"p","Elapsed":0}
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + " " + t.outcome())
        .containsExactlyInAnyOrder(
            "TestParent PASSED",
            "TestPrinted PASSED",
            "TestParent/child PASSED",
            "TestLost FAILED");
    assertThat(read.test("TestLost").failure().message()).startsWith("no result: the stream has");
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("1 tests of package 'p' have no"));
  }

  @Test
  void invalidElapsedIsAWarningAndTheDurationStaysUnknown() {
    var read =
        read(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":-1}
            {"Action":"pass","Package":"p","Elapsed":0}
            """);

    assertThat(read.test("TestA").duration()).isNull();
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Elapsed '-1'"));
  }

  @Test
  void hugeTestOutputIsKeptAsHeadAndTail() {
    StringBuilder stream =
        new StringBuilder("{\"Action\":\"run\",\"Package\":\"p\",\"Test\":\"T\"}\n");
    for (int i = 0; i < 20_000; i++) {
      stream
          .append("{\"Action\":\"output\",\"Package\":\"p\",\"Test\":\"T\",\"Output\":\"line ")
          .append(i)
          .append("\\n\"}\n");
    }
    stream.append("{\"Action\":\"fail\",\"Package\":\"p\",\"Test\":\"T\"}\n");
    var read = read(stream.toString());

    var t = read.test("T");
    assertThat(t.stdout().truncated()).isTrue();
    assertThat(t.stdout().text()).startsWith("line 0\n").endsWith("line 19999\n");
    assertThat(t.failure().message()).isEqualTo("line 0");
  }

  @Test
  void inputWithoutAnyTestEventIsNotGoTestJson() {
    assertThatThrownBy(() -> read("hello\n{\"name\":\"x\"}\n"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("no go test -json events");
  }
}
