package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CtrfReaderTests {

  @Test
  void mapsEveryCtrfStatusToAnOutcome() {
    var read = ReaderFixtures.read(Format.CTRF, "ctrf/outcomes.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly(
            "parses an empty cart=PASSED",
            "applies a coupon=FAILED",
            "syncs the stock=FLAKY",
            "prints invoices=SKIPPED",
            "exports to PDF=SKIPPED",
            "renders in dark mode=SKIPPED",
            "checks the quota=ERRORED");
    assertThat(read.test("prints invoices").failure().message()).isEqualTo("needs a printer");
    assertThat(read.test("checks the quota").failure().message())
        .isEqualTo("CTRF status \"other\", rawStatus \"interrupted\"");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void keepsFailureOutputSourceAndTags() {
    var read = ReaderFixtures.read(Format.CTRF, "ctrf/outcomes.json");

    var failed = read.test("applies a coupon");
    assertThat(failed.id().suite()).isEqualTo("cart > coupons");
    assertThat(failed.duration()).isEqualTo(Duration.ofNanos(31_500_000));
    assertThat(failed.failure().message()).isEqualTo("expected 90 to be 85");
    assertThat(failed.failure().type()).isEmpty();
    assertThat(failed.failure().details()).contains("coupons.test.ts:22:18");
    assertThat(failed.stdout().text()).isEqualTo("loading coupons\ncoupon SAVE15 found");
    assertThat(failed.stderr().text()).isEqualTo("deprecated: rounding mode");
    var passed = read.test("parses an empty cart");
    assertThat(passed.source()).isEqualTo(Location.of("src/cart/parser.test.ts", 14));
    assertThat(passed.tags()).containsExactly("fast");
    assertThat(passed.properties()).containsEntry("type", "unit");
  }

  @Test
  void retryAttemptsThatIncludeTheFinalOneBecomeEarlierAttempts() {
    var read = ReaderFixtures.read(Format.CTRF, "ctrf/outcomes.json");

    var flaky = read.test("syncs the stock");
    assertThat(flaky.attempts()).isEqualTo(3);
    assertThat(flaky.earlierAttempts())
        .extracting(a -> a.outcome() + " " + a.duration().toMillis() + " " + a.failure().message())
        .containsExactly("FAILED 35 socket hang up", "FAILED 38 socket hang up again");
    assertThat(flaky.earlierAttempts().get(1).failure().details()).contains("retrying");
    assertThat(flaky.failure().message()).isEqualTo("socket hang up again");
  }

  @Test
  void playwrightListsOnlyTheEarlierAttemptsAndRunLevelErrors() {
    var read = ReaderFixtures.read(Format.CTRF, "ctrf/playwright-retries.json");

    var flaky = read.test("logs in");
    assertThat(flaky.outcome()).isEqualTo(Outcome.FLAKY);
    assertThat(flaky.attempts()).isEqualTo(2);
    assertThat(flaky.failure().message()).isEqualTo("Timeout 1000ms exceeded");
    var failed = read.test("logs out");
    assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.failure().message()).contains("database not reachable");
              assertThat(e.where()).isEqualTo(new Location("setup.ts", 9, 11));
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void flakyFlagWithoutListedAttemptsStillRecordsTheFailedTries() {
    var read =
        ReaderFixtures.readText(
            Format.CTRF,
            "flaky.json",
            """
            {"results": {"tool": {"name": "x"}, "tests": [
              {"name": "t", "status": "passed", "duration": 1, "flaky": true, "retries": 2}
            ]}}
            """);

    assertThat(read.test("t").outcome()).isEqualTo(Outcome.FLAKY);
    assertThat(read.test("t").attempts()).isEqualTo(3);
  }

  @Test
  void suiteComesFromTheSuiteStringOrArrayElseTheFilePath() {
    var read =
        ReaderFixtures.readText(
            Format.CTRF,
            "ids.json",
            """
            {"reportFormat": "CTRF", "results": {"tool": {"name": "jest"}, "tests": [
              {"name": "a", "status": "passed", "duration": 1, "suite": "math > add"},
              {"name": "b", "status": "passed", "duration": 1, "suite": ["math", "sub"]},
              {"name": "c", "status": "passed", "duration": 1, "filePath": "test/mul.test.js"},
              {"name": "d [x=1]", "status": "passed", "duration": 1},
              {"name": "e", "status": "passed", "duration": 1, "parameters": {"browser": "firefox", "n": 2}}
            ]}}
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().suite() + "|" + t.id().name() + "|" + t.id().parameters())
        .containsExactly(
            "math > add|a|",
            "math > sub|b|",
            "test/mul.test.js|c|",
            "|d |x=1",
            "|e|browser=firefox, n=2");
  }

  @Test
  void extraFieldsBecomePropertiesWithScalarsAsText() {
    var read =
        ReaderFixtures.readText(
            Format.CTRF,
            "extra.json",
            """
            {"reportFormat": "CTRF", "results": {"tool": {"name": "evals"}, "tests": [
              {"name": "answers a question", "status": "passed", "duration": 2300,
               "extra": {"model": "gpt-x", "tokens": 1834, "cost": 0.0125, "cached": false,
                         "usage": {"input": 1500, "output": 334}, "labels": ["qa", "short"]},
               "labels": {"owner": "ml"}}
            ]}}
            """);

    assertThat(read.test("answers a question").properties())
        .containsEntry("model", "gpt-x")
        .containsEntry("tokens", "1834")
        .containsEntry("cost", "0.0125")
        .containsEntry("cached", "false")
        .containsEntry("usage.input", "1500")
        .containsEntry("labels", "qa, short")
        .containsEntry("label.owner", "ml");
  }

  @Test
  void declaredSummaryThatDisagreesIsAWarningAndTheContentWins() {
    var read =
        ReaderFixtures.readText(
            Format.CTRF,
            "declared.json",
            """
            {"reportFormat": "CTRF",
             "results": {
              "tool": {"name": "x"},
              "summary": {"tests": 3, "passed": 3, "failed": 0, "skipped": 0, "pending": 0,
                          "other": 0, "start": 0, "stop": 0},
              "tests": [
                {"name": "a", "status": "passed", "duration": 1},
                {"name": "b", "status": "failed", "duration": 1}
              ]}}
            """);

    assertThat(read.tests()).hasSize(2);
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.where().line() + " " + p.message())
        .containsExactly(
            "WARNING 4 results.summary declares tests=3 but has 2, passed=3 but has 1, failed=0"
                + " but has 1; counting the tests in the file");
  }

  @Test
  void truncatedFileYieldsRecoveredTestsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.CTRF, "ctrf/truncated.json");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("parses an empty cart");
    var error = read.onlyError();
    assertThat(error.where().file()).isEqualTo("ctrf/truncated.json");
    assertThat(error.where().line()).isEqualTo(30);
    assertThat(error.where().column()).isPositive();
    assertThat(error.message())
        .startsWith("truncated after line 30 inside the test starting at line 21")
        .contains("1 tests recovered of the 7 that results.summary declares");
  }

  @Test
  void invalidDurationAndMissingNameAreWarnings() {
    var read =
        ReaderFixtures.readText(
            Format.CTRF,
            "odd.json",
            """
            {"results": {"tool": {"name": "x"}, "tests": [
              {"status": "passed", "duration": -4},
              {"name": "b", "status": "broken", "duration": 1}
            ]}}
            """);

    assertThat(read.tests())
        .extracting(t -> t.outcome())
        .containsExactly(Outcome.PASSED, Outcome.ERRORED);
    assertThat(read.tests().get(0).duration()).isNull();
    assertThat(read.problems())
        .extracting(p -> p.message())
        .containsExactly(
            "test without a name, stored as '(unnamed)'",
            "invalid duration \"-4\" on test '(unnamed)'; stored as unknown",
            "test 'b' has status \"broken\", not one of passed/failed/skipped/pending/other;"
                + " counted as errored");
  }

  @Test
  void keepsOnlyHeadAndTailOfHugeOutput() {
    StringBuilder json =
        new StringBuilder(
            "{\"results\": {\"tool\": {\"name\": \"x\"}, \"tests\": [{\"name\": \"noisy\","
                + " \"status\": \"passed\", \"duration\": 1, \"stdout\": [");
    for (int i = 0; i < 50_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"line ").append(i).append('"');
    }
    json.append("]}]}}");
    var read =
        ReaderFixtures.read(
            Format.CTRF, "noisy.json", json.toString().getBytes(StandardCharsets.UTF_8));

    var out = read.test("noisy").stdout();
    assertThat(out.truncated()).isTrue();
    assertThat(out.fullLength()).isGreaterThan(500_000);
    assertThat(out.text()).startsWith("line 0\nline 1\n").endsWith("line 49999");
    assertThat(out.text().length()).isLessThan(40_000);
  }

  @Test
  void runStartAndToolBecomeSuiteInfo() {
    var read = ReaderFixtures.read(Format.CTRF, "ctrf/outcomes.json");

    assertThat(read.suites())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("vitest");
              assertThat(s.started()).isEqualTo(Instant.ofEpochMilli(1735725600000L));
              assertThat(s.duration()).isEqualTo(Duration.ofSeconds(9));
              assertThat(s.properties())
                  .containsEntry("tool.version", "3.1.0")
                  .containsEntry("commit", "4f2a9c1");
            });
  }

  @Test
  void jsonThatIsNotCtrfIsUnreadable() {
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(
                    Format.CTRF, "other.json", "{\"stats\": {}, \"tests\": []}"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("other.json");
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(
                    Format.CTRF, "fmt.json", "{\"reportFormat\": \"JUNIT\", \"results\": {}}"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not \"CTRF\"");
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.CTRF, "broken.json", "{\"resu"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not well-formed JSON");
  }
}
