package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import dev.evident.model.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
  void truncatedFileYieldsRecoveredTestsAndAnErrorNamingTheLine() {
    var read = ReaderFixtures.read(Format.JUNIT, "junit/truncated.xml");

    assertThat(read.tests()).extracting(t -> t.id().name()).containsExactly("first", "second");
    assertThat(read.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.ERROR);
              assertThat(p.where().file()).isEqualTo("junit/truncated.xml");
              assertThat(p.where().line()).isGreaterThanOrEqualTo(8);
              assertThat(p.message())
                  .contains("truncated")
                  .contains("2 test cases recovered")
                  .contains("third");
            });
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
}
