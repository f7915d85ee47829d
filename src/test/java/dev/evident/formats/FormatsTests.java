package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FormatsTests {

  private static Formats.Detection detect(String content) {
    return Formats.detect(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void detectsGoTestJsonThatStartsWithBuildOutputEvents() {
    var detection =
        detect(
            """
            {"ImportPath":"example.com/a [example.com/a.test]","Action":"build-output","Output":"# example.com/a\\n"}
            {"ImportPath":"example.com/a [example.com/a.test]","Action":"build-fail"}
            """);

    assertThat(detection.format()).isEqualTo(Format.GOTEST);
  }

  @Test
  void detectsGoTestJsonAfterMoreThanAHundredPlainLines() {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      content.append("go: downloading example.com/dep").append(i).append(" v1.0.0\n");
    }
    content.append("{\"Action\":\"start\",\"Package\":\"example.com/a\"}\n");

    assertThat(detect(content.toString()).format()).isEqualTo(Format.GOTEST);
  }

  @Test
  void detectsGoTestJsonWithAStrayLineBetweenEvents() {
    var detection =
        detect(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            |||not test2json|||
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}
            """);

    assertThat(detection.format()).isEqualTo(Format.GOTEST);
  }

  @Test
  void plainGoTestOutputIsNotTakenForGoTestJson() {
    var detection =
        detect(
            """
            === RUN   TestA
            --- PASS: TestA (0.00s)
            PASS
            ok  \texample.com/a\t0.01s
            """);

    assertThat(detection.found()).isFalse();
  }

  @Test
  void detectsTapAfterAnNpmPreambleOrComments() {
    assertThat(detect("\n> pkg@1.0.0 test /work\n> tap test/*.js\n\nTAP version 13\n").format())
        .isEqualTo(Format.TAP);
    assertThat(detect("# a comment first\n# another\n1..0 # SKIP nothing to run\n").format())
        .isEqualTo(Format.TAP);
    assertThat(detect("# Subtest: test/a.js\n    ok 1 - works\n    1..1\nok 1 - test/a.js\n"))
        .extracting(Formats.Detection::format)
        .isEqualTo(Format.TAP);
  }

  @Test
  void detectsIndentedTapAndTapWithAByteOrderMark() {
    assertThat(detect("   TAP version 13\n   1..1\n   ok 1\n").format()).isEqualTo(Format.TAP);
    assertThat(detect("\uFEFF1..0\n").format()).isEqualTo(Format.TAP);
    assertThat(detect("\uFEFFnot ok - no number\n").format()).isEqualTo(Format.TAP);
  }

  @Test
  void doesNotTakeProseOrPlainGoTestOutputForTap() {
    assertThat(detect("1..10 retries left before giving up\n").found()).isFalse();
    assertThat(detect("ok  \texample.com/cart\t0.012s\n").found()).isFalse();
    assertThat(detect("okay, all done\n").found()).isFalse();
  }

  @Test
  void detectsCtrfByReportFormatOrByAResultsObjectWithTests() {
    assertThat(Formats.detect(ReaderFixtures.bytes("ctrf/outcomes.json")).format())
        .isEqualTo(Format.CTRF);
    assertThat(Formats.detect(ReaderFixtures.bytes("ctrf/playwright-retries.json")).format())
        .isEqualTo(Format.CTRF);
    // reports written before CTRF had a reportFormat field
    assertThat(detect("{\"results\": {\"tool\": {\"name\": \"jest\"}, \"tests\": []}}").format())
        .isEqualTo(Format.CTRF);
    assertThat(detect("\uFEFF\n  {\"reportFormat\": \"CTRF\", \"specVersion\": \"0.0.0\"").format())
        .isEqualTo(Format.CTRF);
  }

  @Test
  void doesNotTakeACtrfSchemaOrFileOfValidationCasesForAReport() {
    var schema =
        detect(
            """
            {"$schema": "http://json-schema.org/draft-07/schema#", "title": "CTRF JSON Schema",
             "properties": {"reportFormat": {"const": "CTRF"},
                            "results": {"properties": {"tool": {}, "summary": {}, "tests": {}}}}}
            """);
    var cases =
        detect(
            """
            {"target": "../schema/ctrf.schema.json",
             "tests": [{"valid": true, "data": {"reportFormat": "CTRF",
                        "results": {"tool": {"name": "x"}, "summary": {}, "tests": []}}}]}
            """);
    var otherFormat = detect("{\"reportFormat\": \"XYZ\", \"results\": {\"tests\": []}}");

    assertThat(schema.found()).isFalse();
    assertThat(cases.found()).isFalse();
    assertThat(otherFormat.found()).isFalse();
  }

  @Test
  void detectsMochaJsonIncludingAnEmptyRun() {
    assertThat(Formats.detect(ReaderFixtures.bytes("mocha/mixed.json")).format())
        .isEqualTo(Format.MOCHA);
    var empty =
        detect(
            """
            {
              "stats": {"suites": 0, "tests": 0, "passes": 0, "pending": 0, "failures": 0,
                        "start": "2025-01-01T00:00:00.000Z", "end": "2025-01-01T00:00:00.000Z",
                        "duration": 0},
              "tests": [], "pending": [], "failures": [], "passes": []
            }
            """);
    assertThat(empty.format()).isEqualTo(Format.MOCHA);
  }

  @Test
  void detectsMochaJsonWhoseTestsRunPastTheSniffedHead() {
    StringBuilder json = new StringBuilder("{\"stats\": {\"tests\": 2000}, \"tests\": [");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"title\": \"t")
          .append(i)
          .append("\", \"fullTitle\": \"s t")
          .append(i)
          .append("\", \"err\": {}}");
    }
    json.append("]}");
    assertThat(json.length()).isGreaterThan(Formats.SNIFF_BYTES);

    assertThat(detect(json.toString()).format()).isEqualTo(Format.MOCHA);
  }

  @Test
  void detectsOpenTestReportingEventsAndHierarchy() {
    assertThat(Formats.detect(ReaderFixtures.bytes("otr/junit-events.xml")).format())
        .isEqualTo(Format.OTR);
    assertThat(Formats.detect(ReaderFixtures.bytes("otr/unordered.xml")).format())
        .isEqualTo(Format.OTR);
    assertThat(Formats.detect(ReaderFixtures.bytes("otr/hierarchy.xml")).format())
        .isEqualTo(Format.OTR);
  }

  @Test
  void eventsWithoutTheOpenTestReportingNamespaceAreNotOtr() {
    var detection = detect("<?xml version=\"1.0\"?>\n<events><started id=\"1\"/></events>");

    assertThat(detection.found()).isFalse();
    assertThat(detection.reason()).contains("<events>");
  }

  static Stream<Arguments> dotnetHeads() {
    return Stream.of(
        arguments(
            "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TestRun id=\"1\""
                + " xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">",
            Format.TRX),
        arguments(
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n<test-run id=\"0\">",
            Format.NUNIT),
        arguments(
            "<?xml version=\"1.0\"?>\n<!--This file represents the results of running a test"
                + " suite-->\n<test-results name=\"a.dll\" total=\"1\">",
            Format.NUNIT),
        arguments("<?xml version=\"1.0\"?>\n<assemblies timestamp=\"03/14/2024\">", Format.XUNIT),
        arguments("<assembly name=\"C:\\b\\Tests.dll\" total=\"4\">", Format.XUNIT));
  }

  @ParameterizedTest
  @MethodSource("dotnetHeads")
  void detectsTheDotnetFormatsByTheirRootElement(String head, Format expected) {
    var detection = Formats.detect(head.getBytes(StandardCharsets.UTF_8));

    assertThat(detection.format()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "trx/vstest-xunit.trx, TRX",
    "trx/mstest-data-rows.trx, TRX",
    "nunit/nunit3.xml, NUNIT",
    "nunit/nunit2.xml, NUNIT",
    "xunit/xunit-v2.xml, XUNIT",
    "xunit/xunit-v3.xml, XUNIT",
    "xunit/xunit-v1.xml, XUNIT"
  })
  void detectsTheDotnetFixtures(String resource, Format expected) {
    var input = ResultInput.of(resource, ReaderFixtures.bytes(resource));

    assertThat(Formats.detect(input).format()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"TRX", "NUNIT", "XUNIT"})
  void registersAReaderForEachDotnetFormat(Format format) {
    assertThat(Formats.reader(format).format()).isEqualTo(format);
  }

  @Test
  void detectsDartJsonReporterStreamsIncludingFlutterOutputBeforeTheEvents() {
    assertThat(Formats.detect(ReaderFixtures.bytes("dart/outcomes.json")).format())
        .isEqualTo(Format.DART);
    var flutter =
        detect(
            """
            Downloading Linux x64 Flutter engine...
            Resolving dependencies...
            {"suite":{"id":0,"platform":"vm","path":"test/a_test.dart"},"type":"suite","time":0}
            """);
    assertThat(flutter.format()).isEqualTo(Format.DART);
  }

  @Test
  void detectsADartStreamByItsTestStartEventAlone() {
    var detection =
        detect(
            "{\"test\":{\"id\":3,\"name\":\"adds\",\"suiteID\":0,\"groupIDs\":[]},"
                + "\"type\":\"testStart\",\"time\":5}\n");

    assertThat(detection.format()).isEqualTo(Format.DART);
  }

  @Test
  void jsonWithTypeAndTestOnlyNestedOrWithAnotherTypeIsNotDart() {
    assertThat(
            detect(
                    "{\"results\":{\"tests\":[{\"name\":\"a\",\"type\":\"unit\","
                        + "\"suite\":\"s\"}]},\"reportFormat\":\"CTRF\"}\n")
                .format())
        .isEqualTo(Format.CTRF);
    assertThat(detect("{\"type\":\"event\",\"test\":{\"id\":1}}\n").found()).isFalse();
    assertThat(detect("{\"type\":\"start\",\"pid\":1}\n").found()).isFalse();
  }

  @Test
  void detectsRspecJsonIncludingAnEmptyRun() {
    assertThat(Formats.detect(ReaderFixtures.bytes("rspec/outcomes.json")).format())
        .isEqualTo(Format.RSPEC);
    var empty =
        detect(
            """
            {"version": "3.13.2", "messages": ["No examples found."], "examples": [],
             "summary": {"example_count": 0}, "summary_line": "0 examples, 0 failures"}
            """);
    assertThat(empty.format()).isEqualTo(Format.RSPEC);
  }

  @Test
  void detectsRspecJsonWhoseExamplesRunPastTheSniffedHead() {
    StringBuilder json = new StringBuilder("{\"version\": \"3.13.2\", \"examples\": [");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"full_description\": \"s t")
          .append(i)
          .append("\", \"status\": \"passed\"}");
    }
    json.append("]}");
    assertThat(json.length()).isGreaterThan(Formats.SNIFF_BYTES);

    assertThat(detect(json.toString()).format()).isEqualTo(Format.RSPEC);
  }

  @Test
  void jsonWithExamplesButNoSummaryOrVersionIsNotRspec() {
    var detection = detect("{\"examples\": [{\"input\": 1, \"output\": 2}]}");

    assertThat(detection.found()).isFalse();
    assertThat(detection.reason()).contains("RSpec JSON");
  }
}
