package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrxReaderTests {

  private static final String HEAD =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <TestRun id="1" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
      """;

  @Test
  void namesResultsByTheClassFromDefinitionsThatFollowTheResults() {
    var read = ReaderFixtures.read(Format.TRX, "trx/vstest-xunit.trx");

    assertThat(read.tests())
        .extracting(TestResult::id)
        .containsExactly(
            new TestId("Shop.Tests.CartTests", "AddsItem"),
            new TestId("Shop.Tests.CartTests", "AppliesDiscount"),
            new TestId("Shop.Tests.CartTests", "RoundsTotal", "amount: 1.005, expected: 1.01"),
            new TestId("Shop.Tests.CartTests", "RoundsTotal", "amount: 2.5, expected: 2.5"),
            new TestId("Shop.Tests.CheckoutTests", "Checkout works for a guest"),
            new TestId("Shop.Tests.PaymentTests", "ChargesCard"));
    assertThat(read.problems()).isEmpty();
    assertThat(read.runErrors()).isEmpty();
  }

  @Test
  void keepsFailureOutputDurationAndSkipReason() {
    var read = ReaderFixtures.read(Format.TRX, "trx/vstest-xunit.trx");

    var failed = read.test("AppliesDiscount");
    assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(failed.failure().firstLine()).isEqualTo("Assert.Equal() Failure: Values differ");
    assertThat(failed.failure().details()).contains("CartTests.cs:line 41");
    assertThat(failed.stdout().text()).contains("price list: 3 entries");
    assertThat(failed.stderr().text()).isEqualTo("warn: currency missing, using EUR");
    assertThat(failed.duration()).isEqualTo(Duration.ofMillis(45));
    assertThat(failed.properties()).containsEntry("computerName", "ci-agent-7");
    var skipped = read.test("ChargesCard");
    assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(skipped.failure().message()).isEqualTo("needs the payment sandbox");
    assertThat(read.test("AddsItem").duration()).isEqualTo(Duration.ofNanos(12_340_000));
  }

  @Test
  void replacesADataDrivenSummaryByItsRowsAndStripsTheAssemblyFromMsTestClassNames() {
    var read = ReaderFixtures.read(Format.TRX, "trx/mstest-data-rows.trx");

    assertThat(read.tests())
        .extracting(t -> t.id().toString() + " " + t.outcome())
        .containsExactly(
            "Billing.Tests.AmountTests > ParsesAmount[\"12.50\",1250] PASSED",
            "Billing.Tests.AmountTests > ParsesAmount[\"1,5\",150] FAILED",
            "Billing.Tests.AmountTests > RejectsNegative PASSED");
    // vstest before 2026 counted the summary besides its rows (total=4): not a disagreement
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void keepsAFlatDataDrivenSummaryOnlyWhenNoRowReferencesIt() {
    var read =
        ReaderFixtures.readText(
            Format.TRX,
            "flat.trx",
            HEAD
                + """
                <Results>
                  <UnitTestResult executionId="p1" testId="t1" testName="Rows" outcome="Passed" resultType="DataDrivenTest" />
                  <UnitTestResult executionId="r1" parentExecutionId="p1" testId="t1" testName="Rows (1)" outcome="Passed" resultType="DataDrivenDataRow" />
                  <UnitTestResult executionId="r2" parentExecutionId="p1" testId="t1" testName="Rows (2)" outcome="Passed" resultType="DataDrivenDataRow" />
                  <UnitTestResult executionId="p2" testId="t2" testName="NoData" outcome="Failed" resultType="DataDrivenTest">
                    <Output><ErrorInfo><Message>data source not found</Message></ErrorInfo></Output>
                  </UnitTestResult>
                </Results>
                <TestDefinitions>
                  <UnitTest id="t1"><TestMethod className="Ns.Rows" name="Rows" /></UnitTest>
                  <UnitTest id="t2"><TestMethod className="Ns.Rows" name="NoData" /></UnitTest>
                </TestDefinitions>
                </TestRun>
                """);

    assertThat(read.tests())
        .extracting(t -> t.id().displayName() + " " + t.outcome())
        .containsExactly("Rows[1] PASSED", "Rows[2] PASSED", "NoData FAILED");
    assertThat(read.test("NoData").failure().message()).isEqualTo("data source not found");
  }

  @ParameterizedTest
  @CsvSource({
    "Passed, PASSED",
    "PassedButRunAborted, PASSED",
    "Failed, FAILED",
    "Error, ERRORED",
    "Timeout, ERRORED",
    "Aborted, ERRORED",
    "Disconnected, ERRORED",
    "InProgress, ERRORED",
    "NotRunnable, ERRORED",
    "NotExecuted, SKIPPED",
    "Inconclusive, SKIPPED",
    "Pending, SKIPPED",
    "Warning, SKIPPED",
    "Completed, SKIPPED"
  })
  void mapsEveryTrxOutcome(String trxOutcome, Outcome expected) {
    var read =
        readOne("<UnitTestResult testId=\"t\" testName=\"T\" outcome=\"" + trxOutcome + "\"/>");

    var test = read.test("T");
    assertThat(test.outcome()).isEqualTo(expected);
    boolean everyday = List.of("Passed", "Failed", "NotExecuted").contains(trxOutcome);
    if (!everyday) {
      assertThat(test.properties()).containsEntry("outcome", trxOutcome);
    }
    if (!everyday && expected != Outcome.PASSED) {
      assertThat(test.failure().message()).isEqualTo("TRX outcome " + trxOutcome);
    }
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void anUnknownOutcomeIsSkippedWithAWarning() {
    var read = readOne("<UnitTestResult testId=\"t\" testName=\"T\" outcome=\"Exploded\"/>");

    assertThat(read.test("T").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown outcome=\"Exploded\""));
  }

  @Test
  void xunitV3CleanupFailuresAreSetupRunErrorsNotTests() {
    var read =
        readOne(
            """
            <UnitTestResult testId="t" testName="Ns.FixtureTests.Passes" outcome="Passed"/>
            <UnitTestResult testId="c" testName="[Test Class Cleanup Failure (Ns.FixtureTests.Passes)]" outcome="Failed">
              <Output><ErrorInfo><Message>System.ObjectDisposedException : fixture disposed twice</Message></ErrorInfo></Output>
            </UnitTestResult>
            """);

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("Passes");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("Ns.FixtureTests.Passes");
              assertThat(e.failure().message()).contains("fixture disposed twice");
            });
  }

  @Test
  void aCrashedTestHostInRunInfosIsACrashRunErrorButFailEchoesAreNot() {
    var read =
        ReaderFixtures.readText(
            Format.TRX,
            "crash.trx",
            HEAD
                + """
                <Results><UnitTestResult testId="t" testName="Ns.A.B" outcome="Failed"/></Results>
                <ResultSummary outcome="Failed">
                  <Counters total="1" executed="1" passed="0" failed="1" />
                  <RunInfos>
                    <RunInfo computerName="x" outcome="Error" timestamp="2024-01-01T00:00:00">
                      <Text>[xUnit.net 00:00:00.51]     Ns.A.B [FAIL]</Text>
                    </RunInfo>
                    <RunInfo computerName="x" outcome="Error" timestamp="2024-01-01T00:00:01">
                      <Text>The active test run was aborted. Reason: Test host process crashed : Stack overflow.</Text>
                    </RunInfo>
                  </RunInfos>
                </ResultSummary>
                </TestRun>
                """);

    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(RunError.Kind.CRASH);
              assertThat(e.failure().message()).contains("Test host process crashed");
              assertThat(e.where().line()).isEqualTo(10);
            });
  }

  @Test
  void countersThatDisagreeWithTheResultsAreAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.TRX,
            "counters.trx",
            HEAD
                + """
                <Results>
                  <UnitTestResult testId="t1" testName="Ns.A.One" outcome="Passed"/>
                  <UnitTestResult testId="t2" testName="Ns.A.Two" outcome="Timeout"/>
                </Results>
                <ResultSummary outcome="Failed">
                  <Counters total="3" executed="3" passed="2" failed="0" timeout="0" error="1" />
                </ResultSummary>
                </TestRun>
                """);

    assertThat(read.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .contains(
            "8 <Counters> declares total=3 but has 2, executed=3 but has 2, passed=2 but has 1,"
                + " error=1 but has 0, timeout=0 but has 1; counting the results in the file");
  }

  @Test
  void withoutDefinitionsTheSuiteComesFromTheTestNameAndThatIsAWarning() {
    var read =
        ReaderFixtures.readText(
            Format.TRX,
            "nodefs.trx",
            HEAD
                + """
                <Results>
                  <UnitTestResult testId="t" testName="Ns.Deep.ATests.Works(x: 1.5)" outcome="Passed"/>
                </Results>
                </TestRun>
                """);

    assertThat(read.tests().getFirst().id())
        .isEqualTo(new TestId("Ns.Deep.ATests", "Works", "x: 1.5"));
    assertThat(read.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no TestDefinitions"));
  }

  @Test
  void anInvalidDurationIsUnknownWithAWarning() {
    var read =
        readOne(
            "<UnitTestResult testId=\"t\" testName=\"T\" outcome=\"Passed\" duration=\"soon\"/>");

    assertThat(read.test("T").duration()).isNull();
    assertThat(read.problems())
        .extracting(p -> p.message())
        .contains("invalid duration=\"soon\" on 'T'; stored as unknown");
  }

  @Test
  void truncatedFileYieldsRecoveredResultsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.TRX, "trx/truncated.trx");

    assertThat(read.tests())
        .extracting(t -> t.id().toString())
        .containsExactly("Queue.Tests.WorkerTests > Starts", "Queue.Tests.WorkerTests > Drains");
    var error = read.onlyError();
    assertThat(error.where().line()).isGreaterThanOrEqualTo(13);
    assertThat(error.message())
        .contains("truncated")
        .contains("2 test results recovered")
        .contains("Queue.Tests.WorkerTests.Stops");
  }

  @Test
  void neverResolvesEntitiesAndSaysSo() {
    var read =
        ReaderFixtures.readText(
            Format.TRX,
            "xxe.trx",
            """
            <?xml version="1.0"?>
            <!DOCTYPE TestRun [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="t" testName="Ns.A.Leaks" outcome="Failed">
                  <Output><ErrorInfo><Message>got &secret;</Message></ErrorInfo></Output>
                </UnitTestResult>
              </Results>
            </TestRun>
            """);

    assertThat(read.test("Leaks").failure().message()).isEqualTo("got &secret;");
    assertThat(read.problems())
        .extracting(p -> p.message())
        .contains("DOCTYPE ignored: DTDs are never processed")
        .anySatisfy(m -> assertThat(m).contains("entity reference &secret; left unexpanded"));
  }

  @Test
  void keepsOnlyHeadAndTailOfAHugeOutput() {
    String huge = "x".repeat(200_000);
    var read =
        readOne(
            "<UnitTestResult testId=\"t\" testName=\"T\" outcome=\"Passed\"><Output><StdOut>"
                + huge
                + "</StdOut></Output></UnitTestResult>");

    var stdout = read.test("T").stdout();
    assertThat(stdout.truncated()).isTrue();
    assertThat(stdout.fullLength()).isEqualTo(200_000);
    assertThat(stdout.text().length()).isLessThan(40_000);
  }

  @Test
  void countsTheFullLengthOfAnOutputCutBeforeParsing() {
    long chars = 2L << 20; // more than the text limiter lets through
    var read =
        ReaderFixtures.read(
            Format.TRX,
            ReaderFixtures.hugeText(
                "big.trx",
                HEAD
                    + "<Results><UnitTestResult testId=\"t\" testName=\"T\" outcome=\"Passed\">"
                    + "<Output><StdOut>",
                chars,
                "</StdOut></Output></UnitTestResult></Results></TestRun>"));

    var stdout = read.test("T").stdout();
    assertThat(stdout.fullLength()).isEqualTo(chars);
    assertThat(stdout.text()).contains("characters omitted").hasSizeLessThan(40_000);
  }

  @Test
  void anotherRootIsNotTrx() {
    assertThatThrownBy(
            () ->
                ReaderFixtures.readText(
                    Format.TRX, "x.xml", "<testsuites><testsuite/></testsuites>"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessageContaining("root element <testsuites> is not TRX");
  }

  /** Results of tests whose definitions name the class Ns.FixtureTests. */
  private static ReaderFixtures.Collected readOne(String results) {
    return ReaderFixtures.readText(
        Format.TRX,
        "one.trx",
        HEAD
            + "<Results>\n"
            + results
            + "\n</Results>\n"
            + "<TestDefinitions><UnitTest id=\"t\"><TestMethod className=\"Ns.FixtureTests\"/>"
            + "</UnitTest></TestDefinitions>\n</TestRun>\n");
  }
}
