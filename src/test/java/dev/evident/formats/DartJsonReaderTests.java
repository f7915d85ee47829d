package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DartJsonReaderTests {

  private static final String START =
      "{\"protocolVersion\":\"0.1.1\",\"runnerVersion\":\"1.25.8\",\"pid\":1,\"type\":\"start\",\"time\":0}\n";

  private static final String SUITE =
      "{\"suite\":{\"id\":0,\"platform\":\"vm\",\"path\":\"test/a_test.dart\"},\"type\":\"suite\",\"time\":0}\n"
          + "{\"group\":{\"id\":1,\"suiteID\":0,\"parentID\":null,\"name\":null},\"type\":\"group\",\"time\":1}\n";

  private static String testStart(int id, String name, int time) {
    return "{\"test\":{\"id\":%d,\"name\":\"%s\",\"suiteID\":0,\"groupIDs\":[1]},\"type\":\"testStart\",\"time\":%d}\n"
        .formatted(id, name, time);
  }

  private static String testDone(int id, String result, int time) {
    return "{\"testID\":%d,\"result\":\"%s\",\"skipped\":false,\"hidden\":false,\"type\":\"testDone\",\"time\":%d}\n"
        .formatted(id, result, time);
  }

  private static String done(String success) {
    return "{\"success\":" + success + ",\"type\":\"done\",\"time\":99}\n";
  }

  @Test
  void testDoneResultAndSkippedFlagGiveTheOutcome() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + "=" + t.outcome())
        .containsExactly(
            "starts empty=PASSED",
            "sums the prices=FAILED",
            "applies the discount=ERRORED",
            "rounds to cents [EUR]=PASSED",
            "checks out=SKIPPED",
            "renders the badge=FAILED");
    assertThat(read.problems()).isEmpty();
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void suiteIsThePathAndTheGroupChainAndNameIsTheTestsOwnPart() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    assertThat(read.test("starts empty").id().suite()).isEqualTo("test/cart_test.dart > Cart");
    var sums = read.test("sums the prices");
    assertThat(sums.id().suite()).isEqualTo("test/cart_test.dart > Cart > totals");
    assertThat(read.test("rounds to cents [EUR]").id().parameters()).isEqualTo("EUR");
    assertThat(sums.source()).isEqualTo(Location.of("/home/dev/shop/test/cart_test.dart", 18));
  }

  @Test
  void errorEventsBecomeTheFailureWithMessageTypeAndStackTrace() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    var failed = read.test("sums the prices");
    assertThat(failed.failure().type()).isEqualTo("TestFailure");
    assertThat(failed.failure().message()).isEqualTo("Expected: <30>");
    assertThat(failed.failure().details())
        .contains("Actual: <25>")
        .contains("test/cart_test.dart 20:9");
    var errored = read.test("applies the discount");
    assertThat(errored.failure().type()).isEqualTo("StateError");
    assertThat(errored.failure().message())
        .isEqualTo("StateError: Bad state: no discount configured");
  }

  @Test
  void durationIsTestDoneTimeMinusTestStartTime() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    assertThat(read.test("sums the prices").duration()).isEqualTo(Duration.ofMillis(15));
    assertThat(read.test("checks out").duration()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void skipReasonIsKeptAndPrintsGoToTheTestsStdout() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    assertThat(read.test("checks out").failure().message()).isEqualTo("payment sandbox is down");
    assertThat(read.test("starts empty").stdout().text()).isEqualTo("cart id: 7\n");
  }

  @Test
  void printsWhileLoadingASuiteAreSuiteOutput() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    assertThat(read.suites())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("test/cart_test.dart");
              assertThat(s.stdout().text()).isEqualTo("configuring the cart service\n");
            });
  }

  @Test
  void flutterTestFailureReportedAsSeeLogsAboveFailsAndUsesTheRootLocation() {
    var read = ReaderFixtures.read(Format.DART, "dart/outcomes.json");

    var badge = read.test("renders the badge");
    assertThat(badge.failure().type()).isEqualTo("TestFailure");
    assertThat(badge.stdout().text()).contains("Expected: exactly one matching candidate");
    assertThat(badge.source()).isEqualTo(Location.of("/home/dev/shop/test/cart_test.dart", 35));
  }

  @Test
  void aSuiteThatFailsToCompileIsABuildErrorNotATest() {
    var read = ReaderFixtures.read(Format.DART, "dart/load-failure.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly("adds=PASSED");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.BUILD);
              assertThat(e.scope()).isEqualTo("test/broken_test.dart");
              assertThat(e.failure().message())
                  .isEqualTo(
                      "Failed to load \"test/broken_test.dart\": test/broken_test.dart:7:19:"
                          + " Error: Expected ';' after this.");
              assertThat(e.failure().details()).contains("final total = 3");
              assertThat(e.where()).isEqualTo(Location.of("dart/load-failure.json", 8));
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void aHiddenTestThatFailsIsASetupErrorOfItsSuite() {
    String stream =
        START
            + SUITE.replace("\"name\":null", "\"name\":\"\"")
            + "{\"group\":{\"id\":2,\"suiteID\":0,\"parentID\":1,\"name\":\"db\"},\"type\":\"group\",\"time\":1}\n"
            + "{\"test\":{\"id\":3,\"name\":\"db (setUpAll)\",\"suiteID\":0,\"groupIDs\":[1,2]},\"type\":\"testStart\",\"time\":2}\n"
            + "{\"testID\":3,\"error\":\"SocketException: Connection refused\",\"stackTrace\":\"dart:io\",\"isFailure\":false,\"type\":\"error\",\"time\":5}\n"
            + "{\"testID\":3,\"result\":\"error\",\"skipped\":false,\"hidden\":true,\"type\":\"testDone\",\"time\":6}\n"
            + done("false");

    var read = ReaderFixtures.readText(Format.DART, "setup.json", stream);

    assertThat(read.tests()).isEmpty();
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("test/a_test.dart > db");
              assertThat(e.failure().type()).isEqualTo("SocketException");
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void nonJsonLinesAreIgnoredWithOneWarning() {
    String stream =
        "Resolving dependencies...\n"
            + START
            + "00:01 +0: loading test/a_test.dart\n"
            + SUITE
            + testStart(2, "works", 3)
            + "Observatory listening on http://127.0.0.1:8181/\n"
            + testDone(2, "success", 4)
            + done("true");

    var read = ReaderFixtures.readText(Format.DART, "flutter.json", stream);

    assertThat(read.tests()).extracting(t -> t.outcome()).containsExactly(Outcome.PASSED);
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.where().line() + " " + p.message())
        .containsExactly("WARNING 1 3 lines that are not test events ignored, first at line 1");
  }

  @Test
  void truncatedStreamKeepsFinishedTestsAndNamesTheOnesStillRunning() {
    var read = ReaderFixtures.read(Format.DART, "dart/truncated.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly("enqueues=PASSED");
    var error = read.onlyError();
    assertThat(error.where().line()).isEqualTo(9);
    assertThat(error.message())
        .startsWith("truncated: the last line is not complete JSON")
        .contains("1 tests recovered")
        .endsWith(
            "started but not finished, not counted: test/queue_test.dart > drains under load");
  }

  @Test
  void aStreamThatStopsBetweenEventsWhileATestRunsIsAnErrorToo() {
    String stream = START + SUITE + testStart(2, "hangs", 3);

    var read = ReaderFixtures.readText(Format.DART, "cut.json", stream);

    assertThat(read.tests()).isEmpty();
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.message())
        .containsExactly(
            "ERROR the stream ends while tests are running; 0 tests recovered; started but not"
                + " finished, not counted: test/a_test.dart > hangs");
  }

  @Test
  void aFailedRunWithoutAnyFailureInTheFileIsAnError() {
    String stream =
        START + SUITE + testStart(2, "works", 3) + testDone(2, "success", 4) + done("false");

    var read = ReaderFixtures.readText(Format.DART, "odd.json", stream);

    assertThat(read.onlyError().message())
        .contains("done with success false")
        .contains("no test failed");
  }

  @Test
  void aRunnerClosedBeforeTheEndIsAnError() {
    String stream =
        START + SUITE + testStart(2, "works", 3) + testDone(2, "success", 4) + done("null");

    var read = ReaderFixtures.readText(Format.DART, "closed.json", stream);

    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.message())
        .containsExactly(
            "ERROR the test runner was closed before all tests completed (done without success);"
                + " 1 tests read");
  }

  @Test
  void anErrorAfterATestCompletedCountsItAsFailed() {
    String stream =
        START
            + SUITE
            + testStart(2, "fires and forgets", 3)
            + testDone(2, "success", 4)
            + "{\"testID\":2,\"error\":\"Bad state: late\",\"stackTrace\":\"\",\"isFailure\":false,\"type\":\"error\",\"time\":9}\n"
            + done("false");

    var read = ReaderFixtures.readText(Format.DART, "late.json", stream);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly("fires and forgets=PASSED", "fires and forgets=ERRORED");
    assertThat(read.tests().get(1).failure().message()).isEqualTo("Bad state: late");
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.message())
        .containsExactly(
            "WARNING test 'fires and forgets' reported an error after it completed; counted as"
                + " ERRORED");
  }

  @Test
  void aSecondRunInTheSameFileReusesIdsWithoutMixingThemUp() {
    String run =
        START + SUITE + testStart(2, "works", 3) + testDone(2, "success", 4) + done("true");
    String second = run.replace("test/a_test.dart", "test/b_test.dart");

    var read = ReaderFixtures.readText(Format.DART, "twice.json", run + second);

    assertThat(read.tests())
        .extracting(t -> t.id().toString())
        .containsExactly("test/a_test.dart > works", "test/b_test.dart > works");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void inputWithoutDartEventsIsUnreadable() {
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(
                    Format.DART,
                    "go.json",
                    "{\"Action\":\"run\",\"Package\":\"p\",\"Test\":\"T\"}\n"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("no Dart JSON reporter events");
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(Format.DART, "plain.txt", "00:01 +1: All tests passed!\n"))
        .isInstanceOf(UnreadableResultFileException.class);
  }
}
