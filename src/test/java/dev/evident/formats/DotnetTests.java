package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.TestId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotnetTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Ns.C | Ns.C.Works                      | Ns.C | Works                 | ''",
        "Ns.C | Ns.C.Is_Even(i: 2)              | Ns.C | Is_Even               | i: 2",
        "Ns.C | Add(1,2)                        | Ns.C | Add                   | 1,2",
        "Ns.C | Sum (\"1,5\",150)               | Ns.C | Sum                   | \"1,5\",150",
        "Ns.C | M(s: \"a)b\")                   | Ns.C | M                     | s: \"a)b\"",
        "Ns.C | Should be even number(i: 3)     | Ns.C | Should be even number | i: 3",
        "Ns.C | Custom Name                     | Ns.C | Custom Name           | ''",
        "Ns.C | test_x[1-2]                     | Ns.C | test_x                | 1-2",
        "Ns.C | Broken(1                        | Ns.C | Broken(1              | ''",
        "Ns.C | (only args)                     | Ns.C | (only args)           | ''",
        "''   | Ns.C.Works                      | ''   | Ns.C.Works            | ''"
      })
  void splitsDisplayNamesIntoNameAndParameters(
      String suite, String display, String expectedSuite, String name, String parameters) {
    assertThat(Dotnet.testId(suite, display))
        .isEqualTo(new TestId(expectedSuite, name, parameters));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Ns.C.M                    | Ns.C            | M",
        "Ns.C.M(1.5,2)             | Ns.C            | M(1.5,2)",
        "Ns.Fixture(4.2).Test      | Ns.Fixture(4.2) | Test",
        "Ns.C.M<System.Int32>(1)   | Ns.C            | M<System.Int32>(1)",
        "Plain                     | ''              | Plain"
      })
  void splitsQualifiedNamesAtTheLastDotOutsideBrackets(String full, String prefix, String last) {
    assertThat(Dotnet.splitQualified(full)).containsExactly(prefix, last);
  }

  @ParameterizedTest
  @CsvSource({
    "00:00:00.0123400, PT0.01234S",
    "00:01:02, PT1M2S",
    "1.02:00:00.5, PT26H0.5S",
    "00:00:00, PT0S"
  })
  void parsesTrxTimeSpans(String text, Duration expected) {
    assertThat(Dotnet.timeSpan(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"-00:00:01", "soon", "12.5", "''"})
  void rejectsInvalidTimeSpans(String text) {
    assertThat(Dotnet.timeSpan(text)).isNull();
  }

  @Test
  void undoesXunitEscapes() {
    assertThat(Dotnet.unescapeXunit("a\\r\\nb \\\"q\\\" C:\\\\new \\x1b[0m \\q"))
        .isEqualTo("a\r\nb \"q\" C:\\new \u001b[0m \\q");
  }

  @Test
  void theSameTheoryRowHasOneIdentityInTrxNunitAndXunitXml() {
    var trx =
        ReaderFixtures.readText(
            Format.TRX,
            "a.trx",
            """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results><UnitTestResult testId="t" testName="Ns.MathTests.Adds(a: 1, b: &quot;x&quot;)" outcome="Passed"/></Results>
              <TestDefinitions><UnitTest id="t"><TestMethod className="Ns.MathTests" name="Adds"/></UnitTest></TestDefinitions>
            </TestRun>
            """);
    var xunit =
        ReaderFixtures.readText(
            Format.XUNIT,
            "a.xml",
            """
            <assemblies><assembly name="a.dll"><collection>
              <test name="Ns.MathTests.Adds(a: 1, b: \\&quot;x\\&quot;)" type="Ns.MathTests" method="Adds" result="Pass"/>
            </collection></assembly></assemblies>
            """);
    var nunit =
        ReaderFixtures.readText(
            Format.NUNIT,
            "a.xml",
            """
            <test-run id="0">
              <test-case name="Adds(a: 1, b: &quot;x&quot;)" fullname="Ns.MathTests.Adds(a: 1, b: &quot;x&quot;)" classname="Ns.MathTests" result="Passed"/>
            </test-run>
            """);

    TestId expected = new TestId("Ns.MathTests", "Adds", "a: 1, b: \"x\"");
    assertThat(trx.tests().getFirst().id()).isEqualTo(expected);
    assertThat(xunit.tests().getFirst().id()).isEqualTo(expected);
    assertThat(nunit.tests().getFirst().id()).isEqualTo(expected);
  }
}
