package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JunitXmlReaderTests {

  @Test
  void readsSurefireOutcomesIncludingFlakyAndReruns() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/surefire-flaky.xml");

    assertThat(read.tests()).hasSize(5);
    assertThat(read.test("addsItem").outcome()).isEqualTo(Outcome.PASSED);
    var flaky = read.test("retriesPayment");
    assertThat(flaky.outcome()).isEqualTo(Outcome.FLAKY);
    assertThat(flaky.attempts()).isEqualTo(2);
    assertThat(flaky.failure().message()).isEqualTo("expected: <200> but was: <503>");
    assertThat(flaky.failure().details()).contains("CartTest.java:42").contains("gateway busy");
    var rerun = read.test("totals");
    assertThat(rerun.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(rerun.attempts()).isEqualTo(2);
    assertThat(rerun.stdout().text()).isEqualTo("computing totals");
    assertThat(read.test("connects").outcome()).isEqualTo(Outcome.ERRORED);
    assertThat(read.test("connects").failure().type()).isEqualTo("java.net.ConnectException");
    var skipped = read.test("exportsPdf");
    assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(skipped.failure().message()).isEqualTo("needs a printer");
    assertThat(read.test("addsItem").duration()).isEqualTo(Duration.ofMillis(12));
    assertThat(read.test("addsItem").id().suite()).isEqualTo("com.example.CartTest");
    assertThat(read.problems()).isEmpty();
    assertThat(read.suites())
        .singleElement()
        .satisfies(s -> assertThat(s.properties()).containsEntry("java.version", "21.0.5"));
  }

  @Test
  void playwrightProjectsOfOneSpecFileAreDistinctTestsNotRetries() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/playwright-projects.xml");

    assertThat(read.tests()).hasSize(5);
    assertThat(read.tests().stream().map(t -> t.id().name()).distinct()).hasSize(5);
    var firefox = read.test("[firefox] Checkout › applies coupon");
    assertThat(firefox.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(firefox.id().suite()).isEqualTo("checkout.spec.ts");
    assertThat(read.test("Checkout › applies coupon").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(read.test("Checkout › shows summary").outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void truncatedFileYieldsRecoveredTestsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/truncated.xml");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("first", "second");
    var error = read.onlyError();
    assertThat(error.where().file()).isEqualTo("junit/truncated.xml");
    assertThat(error.where().line()).isGreaterThanOrEqualTo(8);
    assertThat(error.message())
        .contains("truncated")
        .contains("2 test cases recovered")
        .contains("third");
  }

  @Test
  void declaredCountsThatDisagreeAreAProblemAndTheContentWins() {
    var read =
        ReaderFixtures.readText(
            Format.JUNIT,
            "declared.xml",
            """
            <?xml version="1.0"?>
            <testsuites tests="3">
              <testsuite name="s" tests="3" failures="1">
                <testcase name="a"/>
              </testsuite>
            </testsuites>
            """);

    assertThat(read.tests()).hasSize(1);
    assertThat(read.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .containsExactly(
            "3 <testsuite> 's' declares tests=3 but has 1, failures=1 but has 0; counting the test cases in the file",
            "2 <testsuites> declares tests=3 but has 1; counting the test cases in the file");
  }

  @Test
  void splitsPytestParametersAndTurnsCollectionFailuresIntoRunErrors() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/pytest-xunit2.xml");

    assertThat(read.tests())
        .extracting(t -> t.id().toString())
        .containsExactly(
            "tests.test_math > test_add[1-2-3]",
            "tests.test_math > test_add[2-2-5]",
            "tests.test_db > test_connect",
            "tests.test_slow > test_big");
    assertThat(read.tests().get(1).id().parameters()).isEqualTo("2-2-5");
    assertThat(read.tests().get(1).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(read.test("test_connect").outcome()).isEqualTo(Outcome.ERRORED);
    assertThat(read.test("test_big").failure().message()).isEqualTo("needs GPU");
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(dev.evident.model.RunError.Kind.COLLECTION);
              assertThat(e.scope()).isEqualTo("tests.test_broken");
              assertThat(e.failure().message())
                  .isEqualTo("collection failure: ModuleNotFoundError: No module named 'yaml'");
            });
    assertThat(read.problems()).isEmpty();
    assertThat(read.suites())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.started())
                    .isEqualTo(java.time.Instant.parse("2026-11-20T08:00:00.123456Z")));
  }

  @Test
  void readsNestedSuitesWithFileAndLine() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/nested-phpunit.xml");

    assertThat(read.tests()).hasSize(3);
    assertThat(read.test("testRemove").source())
        .isEqualTo(dev.evident.model.Location.of("/app/tests/CartTest.php", 20));
    assertThat(read.test("testRemove").failure().details())
        .contains("Failed asserting that 1 matches expected 0.");
    assertThat(read.test("testAdd").id().suite()).isEqualTo("App.Tests.CartTest");
    assertThat(read.problems()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "junit/bom-utf8.xml, Ünïcödé.Tëst, grüße 日本",
    "junit/utf16.xml, Wide, naïve",
    "junit/latin1.xml, Café, crème"
  })
  void readsEncodingsAndByteOrderMarks(String fixture, String suite, String name) {
    var read = ReaderFixtures.read(Format.JUNIT, fixture);

    assertThat(read.tests())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.id().suite()).isEqualTo(suite);
              assertThat(t.id().name()).isEqualTo(name);
            });
  }

  @Test
  void neverResolvesExternalEntities() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/xxe.xml");

    assertThat(read.test("leak").failure().details()).isEqualTo("&secret;");
    assertThat(read.problems())
        .extracting(p -> p.message())
        .anySatisfy(m -> assertThat(m).contains("DOCTYPE ignored"))
        .anySatisfy(m -> assertThat(m).contains("&secret; left unexpanded"));
  }

  @Test
  void doesNotExpandEntitiesSoBillionLaughsStaysSmall() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/billion-laughs.xml");

    assertThat(read.test("laugh").stdout().text()).isEqualTo("&lol9;");
  }

  @Test
  void keepsInvalidValuesAsProblemsAndHonoursDisabledStatus() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/odd-values.xml");

    assertThat(read.test("negative").duration()).isNull();
    assertThat(read.test("words").duration()).isNull();
    assertThat(read.test("comma").duration()).isEqualTo(Duration.ofMillis(1_234_500));
    assertThat(read.test("disabled").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(read.test("(unnamed)").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(read.problems())
        .extracting(p -> p.message())
        .anySatisfy(m -> assertThat(m).contains("time=\"-0.5\""))
        .anySatisfy(m -> assertThat(m).contains("time=\"fast\""))
        .anySatisfy(m -> assertThat(m).contains("without a name"));
    assertThat(read.runErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(dev.evident.model.RunError.Kind.SETUP);
              assertThat(e.scope()).isEqualTo("setup-failed");
              assertThat(e.failure().message()).contains("@BeforeAll failed");
            });
  }

  @Test
  void countsATestWithSeveralFailureElementsOnceAndKeepsEveryMessage() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/multiple-failures.xml");

    var both = read.test("both");
    assertThat(both.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(both.failure().message()).isEqualTo("first assertion");
    assertThat(both.failure().details())
        .contains("trace one")
        .contains("teardown exploded")
        .contains("trace two");
    assertThat(read.test("withProperties").properties())
        .containsEntry("owner", "team-a")
        .containsEntry("notes", "line one\nline two");
  }

  @Test
  void keepsHeadAndTailOfHugeOutputInBoundedMemory() {
    long outputChars = 50L << 20;
    ResultInput input =
        ReaderFixtures.hugeText(
            "big.xml",
            "<testsuite name=\"big\"><testcase classname=\"Big\" name=\"chatty\"><system-out>",
            outputChars,
            "THE END</system-out></testcase></testsuite>");
    var sink = new ReaderFixtures.CollectingSink();

    Formats.reader(Format.JUNIT).read(input, sink);

    var out = sink.tests.get(0).stdout();
    assertThat(out.fullLength()).isEqualTo(outputChars + "THE END".length());
    assertThat(out.text().length()).isLessThan(40_000);
    assertThat(out.text()).startsWith("xxxx").endsWith("xxTHE END").contains("characters omitted");
  }

  @Test
  void rejectsXmlThatIsNotJunitWithAClearMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ReaderFixtures.readText(Format.JUNIT, "catalog.xml", "<catalog><book/></catalog>"))
        .isInstanceOf(UnreadableResultFileException.class)
        .hasMessage(
            "cannot read catalog.xml: root element <catalog> is not JUnit XML (expected <testsuites> or <testsuite>)");
  }

  @Test
  void putsJestTestsInTheDescribeBlockTheirNamesStartWith() {
    var read =
        ReaderFixtures.readText(
            Format.JUNIT,
            "jest-junit.xml",
            """
            <testsuites name="jest tests" tests="2" failures="1">
              <testsuite name="Cart" tests="2" failures="1">
                <testcase classname="Cart adds an item" name="Cart adds an item" time="0.01"/>
                <testcase classname="Cart totals sums lines" name="Cart totals sums lines" time="0.02">
                  <failure message="expected 3">expected 3</failure>
                </testcase>
              </testsuite>
            </testsuites>
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().suite() + " > " + t.id().name())
        .containsExactly("Cart > adds an item", "Cart > totals sums lines");
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void putsMochaJunitTestsInTheDescribeBlockBeforeTheirTitles() {
    var read =
        ReaderFixtures.readText(
            Format.JUNIT,
            "cypress-results.xml",
            """
            <testsuites name="Mocha Tests" tests="3" failures="0">
              <testsuite name="Root Suite" tests="0" file="cypress/e2e/cart.cy.ts"/>
              <testsuite name="Cart" tests="1">
                <testcase name="Cart adds an item" classname="adds an item" time="0.8"/>
              </testsuite>
              <testsuite name="coupons" tests="1">
                <testcase name="Cart coupons applies one" classname="applies one" time="0.1"/>
              </testsuite>
              <testsuite name="Checkout" tests="1">
                <testcase name="pays by card" classname="pays by card" time="0.1"/>
              </testsuite>
            </testsuites>
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().suite() + " > " + t.id().name())
        .containsExactly(
            "Cart > adds an item", "Cart coupons > applies one", "pays by card > pays by card");
  }

  @Test
  void keepsClassnamesThatAreNotADescribeBlocksTitle() {
    var read =
        ReaderFixtures.readText(
            Format.JUNIT,
            "vitest.xml",
            """
            <testsuites>
              <testsuite name="src/cart.test.ts" tests="1">
                <testcase classname="src/cart.test.ts" name="Cart &gt; adds an item"/>
              </testsuite>
              <testsuite name="Cart" tests="1">
                <testcase classname="Cart" name="Cart adds"/>
              </testsuite>
            </testsuites>
            """);

    assertThat(read.tests())
        .extracting(t -> t.id().suite() + " > " + t.id().name())
        .containsExactly("src/cart.test.ts > Cart > adds an item", "Cart > Cart adds");
  }

  @Test
  void countsCtestsDisabledTestsAsTheSkippedTestsTheyAre() {
    var read =
        ReaderFixtures.readText(
            Format.JUNIT,
            "ctest.xml",
            """
            <testsuite name="Linux-c++" tests="2" failures="0" disabled="1" skipped="0">
              <testcase name="solver" classname="solver" status="run"/>
              <testcase name="perf" classname="perf" status="disabled">
                <skipped message="Disabled"/>
              </testcase>
            </testsuite>
            """);

    assertThat(read.test("perf").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(read.problems()).isEmpty();
  }
}
