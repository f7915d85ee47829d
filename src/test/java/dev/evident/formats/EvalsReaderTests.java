package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvalsReaderTests {

  private static final String DIR = "/dev/evident/evals/";

  @Test
  void eachLineIsASampleNamedByItsIdInTheSuiteOfItsPackage() {
    var read = ReaderFixtures.read(Format.EVALS, DIR + "gpt-4o.jsonl");

    assertThat(read.tests())
        .extracting(t -> t.id().suite() + " > " + t.id().name() + "=" + t.outcome())
        .containsExactly(
            "math > add-1=PASSED",
            "math > add-2=FAILED",
            "math > mul-1=PASSED",
            "code > parse-1=ERRORED",
            "code > parse-2=SKIPPED");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void modelAgentTokensAndCostBecomePropertiesUnderTheDocumentedNames() {
    var read = ReaderFixtures.read(Format.EVALS, DIR + "claude-sonnet-4.jsonl");

    var add2 = read.test("add-2");
    assertThat(add2.properties())
        .containsEntry("model", "claude-sonnet-4")
        .containsEntry("agent", "react")
        .containsEntry("package", "math")
        .containsEntry("sample", "add-2")
        .containsEntry("tokens.input", "100000")
        .containsEntry("tokens.output", "10000")
        .containsEntry("tokens.cached", "0")
        .containsEntry("cost.usd", "0.5");
    assertThat(add2.duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(read.test("add-1").properties()).doesNotContainKey("cost.usd");
  }

  @Test
  void theMessageOfAFailedOrSkippedSampleIsItsFailureOrSkipReason() {
    var read = ReaderFixtures.read(Format.EVALS, DIR + "gpt-4o.jsonl");

    assertThat(read.test("add-2").failure().message()).isEqualTo("expected 4, got 5");
    assertThat(read.test("parse-2").failure().message()).isEqualTo("needs network");
  }

  @Test
  void aTruncatedLastLineIsAnErrorWithTheSamplesRecoveredBeforeIt() {
    var read = ReaderFixtures.read(Format.EVALS, DIR + "truncated.jsonl");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("a", "b");
    assertThat(read.onlyError().message()).contains("truncated at line 3 (2 samples recovered)");
    assertThat(read.onlyError().where().line()).isEqualTo(3);
  }

  @Test
  void aBrokenLineInTheMiddleIsAWarningAndReadingGoesOn() {
    var read =
        ReaderFixtures.readText(
            Format.EVALS,
            "mid.jsonl",
            "{\"sample\": 1, \"outcome\": \"passed\"}\nnot json\n"
                + "{\"outcome\": \"passed\"}\n{\"sample\": 2, \"outcome\": \"timeout\"}\n");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("1", "2");
    assertThat(read.test("2").outcome()).isEqualTo(Outcome.ERRORED);
    assertThat(read.problems())
        .allMatch(p -> p.severity() == Severity.WARNING)
        .extracting(p -> p.where().line() + ": " + p.message())
        .containsExactly(
            "2: line 2 is not valid JSON; line skipped",
            "3: line without a \"sample\" id; skipped",
            "4: outcome \"timeout\" is none of passed, failed, error, skipped; counted as errored");
  }

  @Test
  void samplesOfASecondModelInOneFileStayDistinctTestsWithAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.EVALS,
            "mixed.jsonl",
            "{\"sample\": \"s\", \"model\": \"a\", \"outcome\": \"passed\"}\n"
                + "{\"sample\": \"s\", \"model\": \"b\", \"outcome\": \"failed\"}\n");

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + "=" + t.outcome())
        .containsExactly("s=PASSED", "s[model=b]=FAILED");
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("model b differs from a"));
  }

  @Test
  void harnessLinesAreDetectedByContentNotByName() {
    byte[] head =
        "{\"sample\": \"x\", \"package\": \"p\", \"outcome\": \"passed\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(Formats.detect(head).format()).isEqualTo(Format.EVALS);
    // A Go test event or a one-line CTRF report is not a sample line.
    assertThat(
            Formats.detect(
                    "{\"Action\":\"pass\",\"Package\":\"p\",\"Test\":\"T\"}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .format())
        .isEqualTo(Format.GOTEST);
    assertThat(
            Formats.detect(
                    "{\"results\": {\"tests\": [{\"sample\": 1, \"outcome\": 2}]}}"
                        .getBytes(StandardCharsets.UTF_8))
                .format())
        .isEqualTo(Format.CTRF);
  }
}
