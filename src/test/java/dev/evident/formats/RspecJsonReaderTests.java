package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Location;
import dev.evident.model.RunError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RspecJsonReaderTests {

  @Test
  void expectationFailuresFailOtherExceptionsErrorAndPendingIsSkipped() {
    var read = ReaderFixtures.read(Format.RSPEC, "rspec/outcomes.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly(
            "Invoice#total adds the tax=PASSED",
            "Invoice#total rounds half up=FAILED",
            "Invoice#send! notifies the mailer=FAILED",
            "Invoice#send! stores the PDF=ERRORED",
            "Invoice supports currencies [EUR, USD]=SKIPPED");
    assertThat(read.problems()).isEmpty();
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void identityIsTheFileAndTheFullDescriptionWithoutParameters() {
    var read = ReaderFixtures.read(Format.RSPEC, "rspec/outcomes.json");

    var pending = read.test("Invoice supports currencies [EUR, USD]");
    assertThat(pending.id().suite()).isEqualTo("./spec/models/invoice_spec.rb");
    assertThat(pending.id().parameters()).isEmpty();
    assertThat(pending.source()).isEqualTo(Location.of("./spec/models/invoice_spec.rb", 30));
  }

  @Test
  void theExceptionIsTheFailureAndThePendingMessageTheSkipReason() {
    var read = ReaderFixtures.read(Format.RSPEC, "rspec/outcomes.json");

    var error = read.test("Invoice#send! stores the PDF");
    assertThat(error.failure().type()).isEqualTo("NoMethodError");
    assertThat(error.failure().message()).isEqualTo("undefined method `upload' for nil");
    assertThat(error.failure().details())
        .isEqualTo(
            "./app/models/invoice.rb:42:in `store_pdf'\n"
                + "./spec/models/invoice_spec.rb:24:in `block (3 levels) in <top (required)>'");
    assertThat(read.test("Invoice#total rounds half up").failure().firstLine())
        .isEqualTo("expected: 10.5");
    assertThat(read.test("Invoice supports currencies [EUR, USD]").failure().message())
        .isEqualTo("Not yet implemented");
  }

  @Test
  void runTimeIsInSeconds() {
    var read = ReaderFixtures.read(Format.RSPEC, "rspec/outcomes.json");

    assertThat(read.test("Invoice#total adds the tax").duration())
        .isEqualTo(Duration.ofNanos(2_100_000));
    assertThat(read.test("Invoice supports currencies [EUR, USD]").duration())
        .isEqualTo(Duration.ofNanos(12_000));
  }

  @Test
  void anErrorOutsideOfExamplesIsASetupErrorOfTheFileThatFailedToLoad() {
    var read = ReaderFixtures.read(Format.RSPEC, "rspec/load-error.json");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("User has a name");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("./spec/services/billing_spec.rb");
              assertThat(e.failure().type()).isEqualTo("KeyError");
              assertThat(e.failure().message())
                  .isEqualTo("An error occurred while loading ./spec/services/billing_spec.rb.");
              assertThat(e.failure().details()).contains("key not found: \"BILLING_KEY\"");
              assertThat(e.where()).isEqualTo(Location.of("rspec/load-error.json", 3));
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void summaryCountsThatDisagreeWithTheExamplesAreAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.RSPEC,
            "declared.json",
            """
            {"version": "3.13.2",
             "examples": [{"description": "a", "full_description": "s a", "status": "passed",
                           "file_path": "./spec/s_spec.rb", "line_number": 2, "run_time": 0.1}],
             "summary": {"duration": 0.1, "example_count": 2, "failure_count": 1,
                         "pending_count": 0, "errors_outside_of_examples_count": 0}}
            """);

    assertThat(read.tests()).hasSize(1);
    assertThat(read.problems())
        .extracting(p -> p.severity() + " " + p.where().line() + " " + p.message())
        .containsExactly(
            "WARNING 4 summary declares example_count=2 but has 1, failure_count=1 but has 0;"
                + " counting the examples in the file");
  }

  @Test
  void emptyRunHasNoTestsAndNoProblems() {
    var read =
        ReaderFixtures.readText(
            Format.RSPEC,
            "empty.json",
            """
            {"version": "3.13.2", "messages": ["No examples found."], "examples": [],
             "summary": {"duration": 0.001, "example_count": 0, "failure_count": 0,
                         "pending_count": 0, "errors_outside_of_examples_count": 0},
             "summary_line": "0 examples, 0 failures"}
            """);

    assertThat(read.tests()).isEmpty();
    assertThat(read.problems()).isEmpty();
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void truncatedFileYieldsRecoveredExamplesAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.RSPEC, "rspec/truncated.json");

    assertThat(read.tests())
        .extracting(t -> t.id().name() + "=" + t.outcome())
        .containsExactly(
            "Invoice#total adds the tax=PASSED", "Invoice#total rounds half up=FAILED");
    var error = read.onlyError();
    assertThat(error.where().line()).isEqualTo(43);
    assertThat(error.message())
        .startsWith("truncated after line 43 inside the example starting at line 32")
        .contains("2 examples recovered");
  }

  @Test
  void jsonThatIsNotRspecIsUnreadable() {
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(
                    Format.RSPEC, "mocha.json", "{\"stats\": {}, \"tests\": []}"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("not RSpec JSON");
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.RSPEC, "list.json", "[1, 2]"))
        .isInstanceOf(UnreadableResultFileException.class);
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.RSPEC, "text.txt", "3 examples"))
        .isInstanceOf(UnreadableResultFileException.class);
  }
}
