package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MochaJsonReaderTests {

  @Test
  void readsEachTestOnceWithItsOutcome() {
    var read = ReaderFixtures.read(Format.MOCHA, "mocha/mixed.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactlyInAnyOrder(
            "adds two numbers=PASSED",
            "divides by zero=FAILED",
            "reads the config=ERRORED",
            "uploads a file=SKIPPED",
            "retries the network=FLAKY",
            "top-level check=PASSED",
            "waits for the queue=ERRORED");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void assertionsFailWhileExceptionsAndTimeoutsError() {
    var read = ReaderFixtures.read(Format.MOCHA, "mocha/mixed.json");

    var assertion = read.test("divides by zero");
    assertThat(assertion.failure().type()).isEqualTo("AssertionError");
    assertThat(assertion.failure().message()).isEqualTo("expected Infinity to equal 0");
    assertThat(assertion.failure().details())
        .contains("calculator.spec.js:18:30")
        .contains("expected: 0\nactual: Infinity");
    var exception = read.test("reads the config");
    assertThat(exception.failure().type()).isEqualTo("TypeError");
    var timeout = read.test("waits for the queue");
    assertThat(timeout.properties()).containsEntry("code", "ERR_MOCHA_TIMEOUT");
    assertThat(timeout.duration()).isEqualTo(Duration.ofMillis(2003));
  }

  @Test
  void suiteIsTheDescribeChainElseTheFile() {
    var read = ReaderFixtures.read(Format.MOCHA, "mocha/mixed.json");

    assertThat(read.test("adds two numbers").id().suite()).isEqualTo("calculator");
    assertThat(read.test("top-level check").id().suite()).isEqualTo("/repo/test/top.spec.js");
    assertThat(read.test("adds two numbers").source())
        .isEqualTo(Location.of("/repo/test/calculator.spec.js", 0));
  }

  @Test
  void aRetriedPassIsFlakyWithItsFailedTries() {
    var read = ReaderFixtures.read(Format.MOCHA, "mocha/mixed.json");

    var flaky = read.test("retries the network");
    assertThat(flaky.attempts()).isEqualTo(3);
    assertThat(flaky.earlierAttempts()).allMatch(a -> a.outcome() == Outcome.FAILED);
  }

  @Test
  void aFailedHookListedOnlyInFailuresIsASetupError() {
    var read = ReaderFixtures.read(Format.MOCHA, "mocha/mixed.json");

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("db");
              assertThat(e.failure().message()).isEqualTo("connect ECONNREFUSED 127.0.0.1:5432");
            });
  }

  @Test
  void declaredStatsThatDisagreeAreAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.MOCHA,
            "declared.json",
            """
            {"stats": {"tests": 3, "passes": 3, "pending": 0, "failures": 0},
             "tests": [{"title": "a", "fullTitle": "s a", "duration": 1, "err": {}},
                       {"title": "b", "fullTitle": "s b", "err": {}}],
             "pending": [{"title": "b", "fullTitle": "s b", "err": {}}],
             "failures": [],
             "passes": [{"title": "a", "fullTitle": "s a", "duration": 1, "err": {}}]}
            """);

    assertThat(read.tests())
        .extracting(t -> t.outcome())
        .containsExactly(Outcome.PASSED, Outcome.SKIPPED);
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.where().line() + " " + p.message())
        .containsExactly(
            "WARNING 1 stats declares tests=3 but has 2, passes=3 but has 1, pending=0 but has 1;"
                + " counting the tests in the file");
  }

  @Test
  void pendingListedBeforeTestsIsMatchedToo() {
    var read =
        ReaderFixtures.readText(
            Format.MOCHA,
            "order.json",
            """
            {"pending": [{"title": "b", "fullTitle": "s b", "file": "f.js", "err": {}}],
             "stats": {"tests": 2},
             "tests": [{"title": "a", "fullTitle": "s a", "file": "f.js", "duration": 1, "err": {}},
                       {"title": "b", "fullTitle": "s b", "file": "f.js", "err": {}}]}
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly("a=PASSED", "b=SKIPPED");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void withoutATestsArrayTheListsAreTheTests() {
    var read =
        ReaderFixtures.readText(
            Format.MOCHA,
            "lists.json",
            """
            {"stats": {"tests": 3, "passes": 1, "pending": 1, "failures": 1},
             "pending": [{"title": "p", "fullTitle": "s p", "err": {}}],
             "failures": [{"title": "f", "fullTitle": "s f", "duration": 2,
                           "err": {"message": "boom", "stack": "Error: boom"}}],
             "passes": [{"title": "ok", "fullTitle": "s ok", "duration": 1, "err": {}}]}
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly("p=SKIPPED", "f=ERRORED", "ok=PASSED");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void emptyRunHasNoTestsAndNoProblems() {
    var read =
        ReaderFixtures.readText(
            Format.MOCHA,
            "empty.json",
            """
            {"stats": {"suites": 0, "tests": 0, "passes": 0, "pending": 0, "failures": 0},
             "tests": [], "pending": [], "failures": [], "passes": []}
            """);

    assertThat(read.tests()).isEmpty();
    assertThat(read.problems()).isEmpty();
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void truncatedFileYieldsRecoveredTestsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.MOCHA, "mocha/truncated.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactlyInAnyOrder(
            "adds two numbers=PASSED", "divides by zero=FAILED", "reads the config=ERRORED");
    var error = read.onlyError();
    assertThat(error.where().line()).isEqualTo(51);
    assertThat(error.message())
        .startsWith("truncated after line 51 inside the entry starting at line 48")
        .contains("3 tests recovered of the 7 that stats declares");
  }

  @Test
  void jsonThatIsNotMochaIsUnreadable() {
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(
                    Format.MOCHA, "ctrf.json", "{\"results\": {\"tests\": []}}"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not Mocha JSON");
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.MOCHA, "list.json", "[1, 2]"))
        .isInstanceOf(UnreadableResultFileException.class);
  }
}
