package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XunitReaderTests {

  @Test
  void readsV2TestsWithTheoryParametersAsDistinctTests() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/xunit-v2.xml");

    assertThat(read.tests())
        .extracting(TestResult::id)
        .containsExactly(
            new TestId("Inventory.Tests.StockTests", "Reserves"),
            new TestId("Inventory.Tests.StockTests", "Restocks", "sku: \"A-1\", amount: 5"),
            new TestId("Inventory.Tests.StockTests", "Restocks", "sku: \"B-2\", amount: -1"),
            new TestId("Inventory.Tests.StockTests", "Audits"),
            new TestId("Inventory.Tests.StockTests", "Exports"),
            new TestId(
                "Inventory.Tests.WarehouseTests",
                "Moving stock between warehouses keeps the total"),
            new TestId("Inventory.Tests.WarehouseTests", "Opens"));
    assertThat(read.problems()).as("declared counts match the content").isEmpty();
  }

  @Test
  void tellsAssertionFailuresFromOtherExceptionsByTheExceptionType() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/xunit-v2.xml");

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + " " + t.outcome())
        .containsExactly(
            "Reserves PASSED",
            "Restocks[sku: \"A-1\", amount: 5] PASSED",
            "Restocks[sku: \"B-2\", amount: -1] FAILED",
            "Audits ERRORED",
            "Exports SKIPPED",
            "Moving stock between warehouses keeps the total PASSED",
            "Opens FAILED");
    var errored = read.test("Audits");
    assertThat(errored.failure().type()).isEqualTo("System.NullReferenceException");
    assertThat(errored.failure().details()).contains("Audit.cs:line 12");
  }

  @Test
  void undoesV2EscapingAndKeepsOutputTraitsAndSource() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/xunit-v2.xml");

    var failed = read.tests().get(2);
    assertThat(failed.failure().message())
        .isEqualTo("Assert.Equal() Failure\r\nExpected: 0\r\nActual:   -1");
    assertThat(failed.failure().firstLine()).isEqualTo("Assert.Equal() Failure");
    assertThat(read.test("Exports").failure().message()).isEqualTo("needs the \"reports\" share");
    var first = read.test("Reserves");
    assertThat(first.stdout().text()).isEqualTo("reserved 3 of 10\n");
    assertThat(first.tags()).containsExactly("Fast");
    assertThat(first.properties()).containsEntry("Owner", "team-stock");
    assertThat(first.source())
        .isEqualTo(Location.of("/home/ci/src/Inventory.Tests/StockTests.cs", 18));
    assertThat(first.duration()).isEqualTo(Duration.ofNanos(21_347_000));
    var integration = read.tests().get(5);
    assertThat(integration.tags()).containsExactly("Integration", "Slow");
    assertThat(integration.properties()).containsEntry("Category", "Integration, Slow");
  }

  @Test
  void assemblyLevelErrorsAreSetupRunErrorsOfTheirScope() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/xunit-v2.xml");

    assertThat(read.runErrors())
        .extracting(e -> e.kind() + " " + e.scope() + " " + e.failure().type())
        .containsExactly(
            "SETUP Inventory.Tests.WarehouseTests System.IO.IOException",
            "SETUP Inventory.Tests.dll System.InvalidOperationException");
    assertThat(read.runErrors().getFirst().failure().details())
        .contains("WarehouseFixture.cs:line 30");
  }

  @Test
  void readsV3NotRunTestsWarningsTimeoutsAndFatalErrors() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/xunit-v3.xml");

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + " " + t.outcome())
        .containsExactly(
            "Connects PASSED",
            "SendsBatch ERRORED",
            "Retries[attempts: 3] PASSED",
            "SendsToProduction SKIPPED");
    assertThat(read.test("Connects").properties())
        .containsEntry("warning", "TLS 1.0 negotiated; the server should be upgraded");
    assertThat(read.test("SendsToProduction").failure().message())
        .isEqualTo("not run (explicit test)");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.CRASH);
              assertThat(e.scope()).isEqualTo("Mail.Tests.dll");
              assertThat(e.failure().type()).isEqualTo("System.OutOfMemoryException");
            });
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void readsV1ClassesAndAClassFailureWithoutUnescaping() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/xunit-v1.xml");

    assertThat(read.tests())
        .extracting(t -> t.id() + " " + t.outcome())
        .containsExactly(
            "Billing.Tests.InvoiceTests > AddsTax PASSED",
            "Billing.Tests.InvoiceTests > RoundsCents FAILED",
            "Billing.Tests.InvoiceTests > PrintsPdf SKIPPED",
            "Billing.Tests.InvoiceTests > Totals PASSED");
    assertThat(read.test("PrintsPdf").failure().message())
        .isEqualTo("needs C:\\new printer driver");
    assertThat(read.test("RoundsCents").failure().message()).contains("Expected: 10.01\n");
    assertThat(read.test("Totals").stdout().text()).isEqualTo("total: 42.00");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("Billing.Tests.ReportTests");
              assertThat(e.failure().message()).contains("could not be created");
            });
    assertThat(read.problems()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "Xunit.Sdk.EqualException, true",
    "Xunit.Sdk.XunitException, true",
    "Xunit.Sdk.TestClassException, false",
    "Xunit.Sdk.TestTimeoutException, false",
    "Shouldly.ShouldAssertException, true",
    "NUnit.Framework.AssertionException, true",
    "Moq.MockException, true",
    "FAIL_SKIP, true",
    "System.InvalidOperationException, false",
    "'', true"
  })
  void classifiesExceptionTypes(String type, boolean assertion) {
    assertThat(XunitItem.isAssertion(type)).isEqualTo(assertion);
  }

  @Test
  void withoutATypeTheSuiteComesFromTheName() {
    var read =
        ReaderFixtures.readText(
            Format.XUNIT,
            "notype.xml",
            """
            <assemblies><assembly name="a.dll">
              <collection><test name="Ns.C.M(x: 1.5)" method="M" result="Pass" time="0.1"/></collection>
            </assembly></assemblies>
            """);

    assertThat(read.tests().getFirst().id()).isEqualTo(new TestId("Ns.C", "M", "x: 1.5"));
  }

  @Test
  void declaredCountsThatDisagreeAreAWarningAndTheContentWins() {
    var read =
        ReaderFixtures.readText(
            Format.XUNIT,
            "declared.xml",
            """
            <?xml version="1.0"?>
            <assemblies>
              <assembly name="/x/A.Tests.dll" total="3" passed="3" failed="0" skipped="0" errors="0">
                <collection><test name="A.T.One" type="A.T" method="One" result="Fail"/></collection>
              </assembly>
            </assemblies>
            """);

    assertThat(read.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .containsExactly(
            "3 <assembly> 'A.Tests.dll' declares total=3 but has 1, passed=3 but has 0,"
                + " failed=0 but has 1; counting the tests in the file");
  }

  @Test
  void anUnknownResultIsSkippedWithAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.XUNIT,
            "odd.xml",
            "<assembly><class><test name=\"A.T.M\" type=\"A.T\" result=\"Maybe\"/></class></assembly>");

    assertThat(read.test("M").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown result=\"Maybe\""));
  }

  @Test
  void truncatedFileYieldsRecoveredTestsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.XUNIT, "xunit/truncated.xml");

    assertThat(read.tests())
        .extracting(t -> t.id().name())
        .containsExactly("Publishes", "Subscribes");
    var error = read.onlyError();
    assertThat(error.where().line()).isGreaterThanOrEqualTo(10);
    assertThat(error.message())
        .contains("truncated")
        .contains("2 tests recovered")
        .contains("Queue.Tests.BusTests.Replays");
  }

  @Test
  void anotherRootIsNotXunit() {
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.XUNIT, "x.xml", "<test-run/>"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("root element <test-run> is not xUnit.net XML");
  }
}
