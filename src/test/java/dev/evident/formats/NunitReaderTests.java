package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NunitReaderTests {

  @Test
  void readsNunit3OutcomesWithLabels() {
    var read = ReaderFixtures.read(Format.NUNIT, "nunit/nunit3.xml");

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + " " + t.outcome())
        .containsExactly(
            "HasIsbn PASSED",
            "ParsesTitle FAILED",
            "LoadsCover ERRORED",
            "NeedsArguments ERRORED",
            "PrintsLabel SKIPPED",
            "SyncsCatalog SKIPPED",
            "ComputesAge PASSED",
            "Discount[10,9.0m] PASSED",
            "Discount[0,10.0m] PASSED",
            "Discount[100,0.0m] ERRORED",
            "Holds PASSED",
            "Holds PASSED",
            "Renews ERRORED");
    assertThat(read.problems()).as("declared counts match the content").isEmpty();
  }

  @Test
  void aCaseWhoseClassnameIsOnlyItsNamespaceBelongsToItsFixture() {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "refunds.xml",
            """
            <test-run id="2" testcasecount="2" result="Passed" total="2" passed="2" failed="0" skipped="0">
              <test-suite type="Assembly" name="Pay.Tests.dll" fullname="Pay.Tests.dll" total="2" passed="2">
                <test-suite type="TestSuite" name="Tests" fullname="Pay.Tests" total="2" passed="2">
                  <test-suite type="TestFixture" name="RefundTests" fullname="Pay.Tests.RefundTests" classname="Pay.Tests.RefundTests" total="2" passed="2">
                    <test-case name="Partial" fullname="Pay.Tests.RefundTests.Partial" classname="Pay.Tests.RefundTests" result="Passed"/>
                    <test-suite type="ParameterizedMethod" name="Amount" fullname="Pay.Tests.RefundTests.Amount" classname="Pay.Tests.RefundTests" total="1" passed="1">
                      <test-case name="Amount(1.00m)" fullname="Pay.Tests.RefundTests.Amount(1.00m)" classname="Pay.Tests" result="Passed"/>
                    </test-suite>
                  </test-suite>
                </test-suite>
              </test-suite>
            </test-run>
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().suite())
        .containsExactly("Pay.Tests.RefundTests", "Pay.Tests.RefundTests");
  }

  @Test
  void keepsFailureDetailsReasonsOutputAndCategories() {
    var read = ReaderFixtures.read(Format.NUNIT, "nunit/nunit3.xml");

    var passed = read.test("HasIsbn");
    assertThat(passed.id().suite()).isEqualTo("Library.BookTests");
    assertThat(passed.duration()).isEqualTo(Duration.ofNanos(21_500_000));
    assertThat(passed.stdout().text()).isEqualTo("created book 978-3-16-148410-0\n");
    assertThat(passed.tags()).containsExactly("Fast", "Smoke", "Unit");
    assertThat(passed.properties())
        .containsEntry("Description", "every book gets an ISBN")
        .containsEntry("Category", "Fast, Smoke");
    var failed = read.test("ParsesTitle");
    assertThat(failed.failure().firstLine())
        .isEqualTo("Expected string length 5 but was 4. Strings differ at index 4.");
    assertThat(failed.failure().details()).contains("BookTests.cs:line 31");
    var errored = read.test("LoadsCover");
    assertThat(errored.failure().type()).isEqualTo("System.IO.FileNotFoundException");
    assertThat(read.test("NeedsArguments").failure().message())
        .isEqualTo("No arguments were provided");
    assertThat(read.test("PrintsLabel").failure().message())
        .isEqualTo("printer driver not installed");
    assertThat(read.test("SyncsCatalog").failure().message())
        .isEqualTo("inconclusive: catalog service unreachable");
    var warned = read.test("ComputesAge");
    assertThat(warned.failure().isEmpty()).isTrue();
    assertThat(warned.properties())
        .containsEntry("warning", "publication year missing, assuming 1965");
  }

  @Test
  void instancesOfAParameterizedFixtureAreDistinctTests() {
    var read = ReaderFixtures.read(Format.NUNIT, "nunit/nunit3.xml");

    assertThat(read.tests())
        .extracting(TestResult::id)
        .contains(
            new TestId("Library.ShelfTests(3)", "Holds"),
            new TestId("Library.ShelfTests(12)", "Holds"));
  }

  @Test
  void aOneTimeTearDownFailureOfASuiteIsASetupRunError() {
    var read = ReaderFixtures.read(Format.NUNIT, "nunit/nunit3.xml");

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("Library.LoanTests");
              assertThat(e.failure().type()).isEqualTo("System.InvalidOperationException");
              assertThat(e.failure().details()).contains("LoanTests.cs:line 18");
            });
  }

  @Test
  void readsNunit2WithFullNamesCategoriesAndFixtureSetupFailures() {
    var read = ReaderFixtures.read(Format.NUNIT, "nunit/nunit2.xml");

    assertThat(read.tests())
        .extracting(t -> t.id() + " " + t.outcome())
        .containsExactly(
            "Legacy.ParserTests > ParsesEmpty PASSED",
            "Legacy.ParserTests > ParsesNumber FAILED",
            "Legacy.ParserTests > ParsesFile ERRORED",
            "Legacy.ParserTests > ParsesUnicode SKIPPED",
            "Legacy.ParserTests > ParsesStream ERRORED",
            "Legacy.ParserTests > Adds[1,2,3] PASSED",
            "Legacy.ParserTests > Adds[\"a.b\",2,5] SKIPPED",
            "Legacy.ExportTests > WritesCsv SKIPPED",
            "Legacy.DatabaseTests > Inserts ERRORED");
    var first = read.test("ParsesEmpty");
    assertThat(first.tags()).containsExactly("Fast", "Parsing");
    assertThat(first.properties())
        .containsEntry("Owner", "maria")
        .containsEntry("Description", "an empty input gives an empty tree");
    assertThat(read.test("ParsesUnicode").failure().message()).isEqualTo("see issue 118");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.scope()).isEqualTo("Legacy.DatabaseTests");
              assertThat(e.failure().type()).isEqualTo("System.Data.SqlClient.SqlException");
            });
    assertThat(read.problems()).as("declared counts match the content").isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "Passed, '', PASSED",
    "Failed, '', FAILED",
    "Failed, Error, ERRORED",
    "Failed, Invalid, ERRORED",
    "Failed, Cancelled, ERRORED",
    "Skipped, Ignored, SKIPPED",
    "Skipped, Explicit, SKIPPED",
    "Skipped, Invalid, ERRORED",
    "Inconclusive, '', SKIPPED",
    "Warning, '', PASSED"
  })
  void mapsNunit3ResultAndLabel(String result, String label, Outcome expected) {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "one.xml",
            """
            <test-run id="0">
              <test-case name="T" fullname="Ns.C.T" classname="Ns.C" result="%s" label="%s"/>
            </test-run>
            """
                .formatted(result, label));

    assertThat(read.test("T").outcome()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "Success, PASSED",
    "Failure, FAILED",
    "Error, ERRORED",
    "Cancelled, ERRORED",
    "NotRunnable, ERRORED",
    "Ignored, SKIPPED",
    "Skipped, SKIPPED",
    "Inconclusive, SKIPPED"
  })
  void mapsNunit2Results(String result, Outcome expected) {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "one.xml",
            "<test-results><test-case name=\"Ns.C.T\" result=\"" + result + "\"/></test-results>");

    assertThat(read.test("T").outcome()).isEqualTo(expected);
  }

  @Test
  void nunit24WithoutResultAttributesUsesExecutedAndSuccess() {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "old.xml",
            """
            <test-results total="2" failures="1" not-run="1">
              <test-case name="Ns.C.Runs" executed="True" success="True" time="0.01"/>
              <test-case name="Ns.C.Breaks" executed="True" success="False"><failure><message>no</message></failure></test-case>
              <test-case name="Ns.C.Waits" executed="False"><reason><message>later</message></reason></test-case>
            </test-results>
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().name() + " " + t.outcome())
        .containsExactly("Runs PASSED", "Breaks FAILED", "Waits SKIPPED");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void withoutClassnameTheSuiteIsTheFullnameMinusTheTestName() {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "noclass.xml",
            """
            <test-run id="0">
              <test-case name="Sums(1.5,2)" fullname="Ns.Outer+Inner.Sums(1.5,2)" result="Passed"/>
            </test-run>
            """);

    assertThat(read.tests().getFirst().id())
        .isEqualTo(new TestId("Ns.Outer+Inner", "Sums", "1.5,2"));
  }

  @Test
  void declaredCountsThatDisagreeAreAWarningAndTheContentWins() {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "declared.xml",
            """
            <?xml version="1.0"?>
            <test-run id="0" total="4" passed="3" failed="1" inconclusive="0" skipped="0">
              <test-case name="A" fullname="Ns.C.A" classname="Ns.C" result="Passed"/>
              <test-case name="B" fullname="Ns.C.B" classname="Ns.C" result="Skipped"/>
            </test-run>
            """);

    assertThat(read.tests()).hasSize(2);
    assertThat(read.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .containsExactly(
            "2 <test-run> declares total=4 but has 2, passed=3 but has 1, failed=1 but has 0,"
                + " skipped=0 but has 1; counting the test cases in the file");
  }

  @Test
  void aSkippedSuiteWhoseCasesAreMissingIsAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.NUNIT,
            "ignored.xml",
            """
            <test-run id="0">
              <test-suite type="TestFixture" name="Later" fullname="Ns.Later" testcasecount="4" result="Skipped" label="Ignored">
                <reason><message>not yet</message></reason>
              </test-suite>
            </test-run>
            """);

    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'Ns.Later'").contains("4 test cases"));
  }

  @Test
  void truncatedFileYieldsRecoveredTestsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.NUNIT, "nunit/truncated.xml");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("Evicts", "Expires");
    var error = read.onlyError();
    assertThat(error.where().line()).isGreaterThanOrEqualTo(8);
    assertThat(error.message())
        .contains("truncated")
        .contains("2 test cases recovered")
        .contains("'Warms'");
  }

  @Test
  void anotherRootIsNotNunit() {
    assertThatThrownBy(() -> ReaderFixtures.readText(Format.NUNIT, "x.xml", "<assemblies/>"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("root element <assemblies> is not NUnit XML");
  }
}
