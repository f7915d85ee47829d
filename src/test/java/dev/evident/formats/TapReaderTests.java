package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Outcome;
import dev.evident.model.Problem;
import dev.evident.model.RunError;
import dev.evident.model.Severity;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapReaderTests {

  private static ReaderFixtures.Collected read(String tap) {
    return ReaderFixtures.readText(Format.TAP, "build/results.tap", tap);
  }

  private static List<String> ids(ReaderFixtures.Collected read) {
    return read.tests().stream().map(t -> t.id().toString()).toList();
  }

  private static List<String> errors(ReaderFixtures.Collected read) {
    return messages(read, Severity.ERROR);
  }

  private static List<String> messages(ReaderFixtures.Collected read, Severity severity) {
    return read.problems().stream()
        .filter(p -> p.severity() == severity)
        .map(p -> p.where().line() + " " + p.message())
        .toList();
  }

  @Test
  void readsTestPointsWithTheFileBaseNameAsSuiteAndTestNForMissingDescriptions() {
    var read =
        read(
            """
            TAP version 13
            1..3
            ok 1 - adds numbers
            not ok 2 subtracts \\# signs
            ok
            """);

    assertThat(ids(read))
        .containsExactly(
            "results.tap > adds numbers",
            "results.tap > subtracts # signs",
            "results.tap > test 3");
    assertThat(read.tests())
        .extracting(TestResult::outcome)
        .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED);
    assertThat(read.test("subtracts # signs").failure().message()).isEqualTo("not ok");
    assertThat(read.tests()).allSatisfy(t -> assertThat(t.duration()).isNull());
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void skipDirectivesSkipWithTheirReasonInAnyCase() {
    var read =
        read(
            """
            1..3
            ok 1 - needs a database # SKIP no database here
            not ok 2 - needs a printer #skip no printer
            ok 3 # Skipped: not on Windows
            """);

    assertThat(read.tests()).extracting(TestResult::outcome).containsOnly(Outcome.SKIPPED);
    assertThat(read.tests())
        .extracting(t -> t.failure().message())
        .containsExactly("no database here", "no printer", "not on Windows");
    assertThat(read.test("needs a database").id().name()).isEqualTo("needs a database");
  }

  @Test
  void failingTodoIsAnExpectedFailureAndPassingTodoPasses() {
    var read =
        read(
            """
            1..3
            not ok 1 - halting problem # TODO not solved yet
            ok 2 - faster parser # todo tune it
            not ok 3 - no reason # TODO
            """);

    var expected = read.test("halting problem");
    assertThat(expected.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(expected.failure().message()).isEqualTo("TODO: not solved yet");
    assertThat(read.test("faster parser").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(read.test("no reason").failure().message()).isEqualTo("TODO");
  }

  @Test
  void yamlBlockGivesMessageSeverityLocationAndTheRawBlockAsDetails() {
    var read =
        read(
            """
            1..1
            not ok 1 - totals
              ---
              message: 'expected 3, got 4'
              severity: fail
              type: AssertionError
              at:
                file: test/cart.js
                line: 12
                column: 7
              stack: |
                Cart.total (test/cart.js:12:7)
              ...
            """);

    var failure = read.test("totals").failure();
    assertThat(failure.message()).isEqualTo("expected 3, got 4");
    assertThat(failure.type()).isEqualTo("AssertionError");
    assertThat(failure.details()).startsWith("message: 'expected 3, got 4'").contains("Cart.total");
    assertThat(read.test("totals").properties())
        .containsEntry("severity", "fail")
        .containsEntry("at", "test/cart.js:12:7");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void yamlScalarsMayBeMultiLineQuotedOrBlockAndHoldThreeDots() {
    var read =
        read(
            """
            1..3
            not ok 1 - literal
              ---
              message: |
                first line
                ...
                last line
              at: Object.<anonymous> (test/a.js:3:1)
              ...
            not ok 2 - quoted
              ---
              message: 'it''s split
                over two lines'
              ...
            not ok 3 - escaped
              ---
                message: "tab\\there\\nnext"
                stack:
                  - |
                    one (a.js:1:1)
                  - two (a.js:2:2)
              ...
            1..3
            """);

    assertThat(read.test("literal").failure().message()).isEqualTo("first line\n...\nlast line");
    assertThat(read.test("literal").properties())
        .containsEntry("at", "Object.<anonymous> (test/a.js:3:1)");
    assertThat(read.test("quoted").failure().message()).isEqualTo("it's split over two lines");
    assertThat(read.test("escaped").failure().message()).isEqualTo("tab\there\nnext");
    assertThat(read.test("escaped").properties()).containsEntry("at", "one (a.js:1:1)");
  }

  @Test
  void durationsComeFromTimeNotesAndDurationMsElseTheyAreUnknown() {
    var read =
        read(
            """
            TAP version 14
            # Subtest: outer
                ok 1 - inner # time=1.5ms
                1..1
                # time=12.25ms
            ok 1 - outer
            ok 2 - from yaml
              ---
              duration_ms: 250
              ...
            ok 3 - in seconds # time=2s
            ok 4 - unknown
            ok 5 - broken # time=soon
            1..5
            """);

    assertThat(read.test("inner").duration()).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(read.test("outer").duration()).isEqualTo(Duration.ofNanos(12_250_000));
    assertThat(read.test("from yaml").duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(read.test("in seconds").duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(read.test("unknown").duration()).isNull();
    assertThat(read.test("broken").duration()).isNull();
    assertThat(messages(read, Severity.WARNING))
        .containsExactly(
            "13 invalid duration 'time=soon' on test point 'broken'; stored as unknown");
  }

  @Test
  void subtestsAreTestsWhoseSuiteIsTheChainOfTheirParents() {
    var read =
        read(
            """
            TAP version 14
            # Subtest: cart
                # Subtest: totals
                    1..2
                    ok 1 - sums items
                    not ok 2 - applies discount
                ok 1 - totals
                ok 2 - empties
                1..2
            not ok 1 - cart
            1..1
            """);

    assertThat(ids(read))
        .containsExactly(
            "results.tap > cart > totals > sums items",
            "results.tap > cart > totals > applies discount",
            "results.tap > cart > totals",
            "results.tap > cart > empties",
            "results.tap > cart");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void indentedChildStreamsBeforeTheirParentTakeTheParentsDescription() {
    var read =
        read(
            """
            1..2
                1..2
                ok 1 - first child
                    ok 1 - grandchild
                    1..1
                ok 2 - second child
            ok 1 - parent
            ok 2 - sibling
            """);

    assertThat(ids(read))
        .containsExactly(
            "results.tap > parent > first child",
            "results.tap > parent > second child > grandchild",
            "results.tap > parent > second child",
            "results.tap > parent",
            "results.tap > sibling");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void bufferedSubtestsNameTheirChildrenAfterTheOpeningTestPoint() {
    var read =
        read(
            """
            TAP version 13
            ok 1 - test/a.js # time=20ms {
                ok 1 - works
                1..1
            }
            ok 2 - test/b.js
            1..2
            """);

    assertThat(ids(read))
        .containsExactly(
            "results.tap > test/a.js",
            "results.tap > test/a.js > works",
            "results.tap > test/b.js");
    assertThat(read.test("test/a.js").duration()).isEqualTo(Duration.ofMillis(20));
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void repeatedDescriptionsInOneSuiteAreToldApartByTheirOccurrence() {
    var read =
        read(
            """
            # adds
            ok 1 should be equal
            # subtracts
            not ok 2 should be equal
            ok 3 should be equal
            1..3
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().displayName())
        .containsExactly("should be equal", "should be equal[#2]", "should be equal[#3]");
  }

  @Test
  void fewerTestPointsThanPlannedIsAnErrorAndMoreIsAWarning() {
    var fewer = read("1..5\nok 1\nok 2\nok 3\n");
    var more = read("ok 1\nok 2\n1..1\n");

    assertThat(fewer.tests()).hasSize(3);
    assertThat(errors(fewer))
        .containsExactly("1 plan says 5 tests, 3 found: the run may have stopped early");
    assertThat(errors(more)).isEmpty();
    assertThat(messages(more, Severity.WARNING)).containsExactly("3 plan says 1 test, 2 found");
  }

  @Test
  void missingPlanIsAnErrorBecauseAStoppedRunLooksTheSame() {
    var read = read("TAP version 13\nok 1\nok 2\n");

    assertThat(read.tests()).hasSize(2);
    assertThat(errors(read)).singleElement().asString().startsWith("3 no plan (1..N)");
  }

  @Test
  void skipAllPlanYieldsNoTestsAndNoProblem() {
    var read = read("# nothing to do here\n1..0 # SKIP no display\n");

    assertThat(read.tests()).isEmpty();
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void bailOutIsARunErrorAndTestPointsAfterItAreKeptButNotCountedAgainstThePlan() {
    var read =
        read(
            """
            1..4
            ok 1 - connects
            Bail out! database is down
            ok 2 - late
            """);

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.BAIL_OUT);
              assertThat(e.scope()).isEmpty();
              assertThat(e.failure().message()).isEqualTo("database is down");
              assertThat(e.where().line()).isEqualTo(3);
            });
    assertThat(ids(read)).containsExactly("results.tap > connects", "results.tap > late");
    assertThat(errors(read)).isEmpty();
    assertThat(messages(read, Severity.WARNING))
        .containsExactly(
            "3 1 test point after 'Bail out!' at line 3 was read anyway; plan counts stop at"
                + " the bail-out");
  }

  @Test
  void versionLineMayFollowNonTapOutputButNotOtherTapLines() {
    var npm = read("> pkg@1.0.0 test\n> tap test/*.js\n\nTAP version 13\nok 1\n1..1\n");
    var late = read("1..1\nok 1\nTAP version 13\n");

    assertThat(npm.problems()).isEmpty();
    assertThat(errors(late))
        .containsExactly(
            "3 'TAP version' at line 3 is not the first TAP line of its stream: it must come"
                + " before the plan and the test points");
  }

  @Test
  void secondPlanAndPlanBetweenTestPointsAreErrors() {
    var twice = read("1..2\nok 1\nok 2\n1..2\n");
    var middle = read("ok 1\n1..2\nok 2\n");

    assertThat(errors(twice))
        .containsExactly(
            "4 second plan at line 4 (the first is at line 1): a TAP stream has one plan");
    assertThat(errors(middle))
        .containsExactly(
            "3 test point at line 3 comes after the plan at line 2: a plan must come before all"
                + " test points or after all of them");
    assertThat(middle.tests()).hasSize(2);
  }

  @Test
  void yamlBlockWithoutTestPointOrLessIndentedThanItIsAnError() {
    var orphan = read("  ---\n  message: hi\n  ...\n1..0\n");
    var shallow = read("    1..1\n    not ok 1\n  ---\n  message: hi\n  ...\n");

    assertThat(errors(orphan))
        .containsExactly("1 YAML block at line 1 has no test point before it");
    assertThat(errors(shallow))
        .containsExactly(
            "3 YAML block at line 3 is indented less than its test point at line 2: wrong"
                + " indentation, the block is not read");
    assertThat(shallow.tests())
        .singleElement()
        .satisfies(t -> assertThat(t.failure().details()).isEmpty());
  }

  @Test
  void testNumbersOutOfSequenceAreAWarning() {
    var read = read("1..3\nok 1\nok 3\nok 2\n");

    assertThat(read.tests()).hasSize(3);
    assertThat(errors(read)).isEmpty();
    assertThat(messages(read, Severity.WARNING))
        .containsExactly(
            "3 test number 3 out of sequence (expected 2)",
            "4 test number 2 out of sequence (expected 4)");
  }

  @Test
  void indentedNonTapLinesAfterATestPointBecomeItsDetailsAndOthersAreIgnored() {
    var read =
        read(
            """
            1..2
            not ok 1 computes offset
              AssertionError: expected 0 to equal 1
                  at Context.<anonymous> (test/pager.js:9:17)
            some runner noise
              not attached
            ok 2 next
            TAP done
            """);

    assertThat(read.test("computes offset").failure().details())
        .isEqualTo(
            "AssertionError: expected 0 to equal 1\n"
                + "    at Context.<anonymous> (test/pager.js:9:17)");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void truncatedYamlBlockIsAnErrorAndTheTestIsKept() {
    var read = read("1..1\nnot ok 1 - crashes\n  ---\n  message: boom\n  stack: |\n");

    assertThat(read.test("crashes").failure().message()).isEqualTo("boom");
    assertThat(errors(read))
        .containsExactly(
            "3 YAML block from line 3 is not closed with '...' before the end of the file at"
                + " line 5: the stream may be truncated");
  }

  @Test
  void subtestCutOffBeforeItsParentTestPointIsAnError() {
    var read = read("1..1\n# Subtest: slow\n    1..2\n    ok 1 - first\n");

    assertThat(ids(read)).containsExactly("results.tap > slow > first");
    assertThat(errors(read))
        .containsExactly(
            "3 subtest 'slow': plan says 2 tests, 1 found: the run may have stopped early",
            "3 subtest 'slow' from line 3 is not closed by a parent test point before the end of"
                + " the file; its 1 test point is kept: the run may have stopped early",
            "1 plan says 1 test, 0 found: the run may have stopped early");
  }

  @Test
  void grandchildStreamBeforeAnyLineOfItsParentStreamNestsUnderBoth() {
    var read =
        read(
            """
            ok 1 - first
                    ok 1 - deep
                    1..1
                ok 1 - middle
                1..1
            ok 2 - top
            1..2
            """);

    assertThat(ids(read))
        .containsExactly(
            "results.tap > first",
            "results.tap > top > middle > deep",
            "results.tap > top > middle",
            "results.tap > top");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void readsNodeTestRunnerOutputWithEmptySubtestsAndDurationMs() {
    var read =
        read(
            """
            TAP version 13
            # Subtest: cart
                # Subtest: adds
                ok 1 - adds
                  ---
                  duration_ms: 0.5
                  ...
                # Subtest: totals
                not ok 2 - totals
                  ---
                  duration_ms: 1.25
                  location: '/app/cart.test.mjs:8:3'
                  failureType: 'testCodeFailure'
                  error: 'Expected values to be strictly equal'
                  code: 'ERR_ASSERTION'
                  stack: |-
                    TestContext.<anonymous> (file:///app/cart.test.mjs:9:12)
                  ...
                1..2
            not ok 1 - cart
              ---
              duration_ms: 3
              ...
            1..1
            # tests 3
            """);

    assertThat(ids(read))
        .containsExactly(
            "results.tap > cart > adds", "results.tap > cart > totals", "results.tap > cart");
    var totals = read.test("totals");
    assertThat(totals.duration()).isEqualTo(Duration.ofMillis(1).plusNanos(250_000));
    assertThat(totals.failure().message()).isEqualTo("Expected values to be strictly equal");
    assertThat(totals.properties()).containsEntry("at", "/app/cart.test.mjs:8:3");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void repeatedErrorsOfOneKindAreReportedFiveTimesThenCounted() {
    var tap = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      tap.append("ok ").append(i).append("\nnoise between\n  ---\n  ...\n");
    }
    var read = read(tap.append("1..8\n").toString());

    assertThat(errors(read))
        .hasSize(6)
        .last()
        .isEqualTo("23 3 more of: YAML block without a test point (first of them at this line)");
  }

  @Test
  void childResultsWaitingForTheirParentAreBoundedAndThenNamedUnnamed() {
    var tap = new StringBuilder();
    for (int i = 1; i <= TapSuites.MAX_HELD + 1; i++) {
      tap.append("    ok ").append(i).append('\n');
    }
    tap.append("    1..").append(TapSuites.MAX_HELD + 1).append("\nok 1 - parent\n1..1\n");
    var read = read(tap.toString());

    assertThat(read.tests()).hasSize(TapSuites.MAX_HELD + 2);
    assertThat(read.tests().get(0).id().suite()).isEqualTo("results.tap > (unnamed subtest)");
    assertThat(messages(read, Severity.WARNING))
        .singleElement()
        .asString()
        .contains("more than 10000 subtest results");
  }

  @Test
  void veryLongLinesAreCutInsteadOfBuffered() {
    var read = read("1..1\nok 1 - " + "x".repeat(200_000) + "\n");

    assertThat(read.tests().get(0).id().name()).hasSize(TapLines.MAX_LINE - "ok 1 - ".length());
  }

  @Test
  void inputWithoutAnyTapLineIsUnreadable() {
    assertThatThrownBy(() -> read("just some log\n  ---\n  message: x\n  ...\n"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not TAP");
  }

  @Test
  void windowsLineEndingsByteOrderMarkAndAnsiColoursAreTolerated() {
    var read = read("\uFEFFTAP version 13\r\n1..1\r\n\u001B[32mok 1 - green\u001B[0m\r\n");

    assertThat(ids(read)).containsExactly("results.tap > green");
    assertThat(read.problems()).extracting(Problem::message).isEmpty();
  }
}
