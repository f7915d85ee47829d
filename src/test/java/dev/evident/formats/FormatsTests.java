package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatsTests {

  private static Formats.Detection detect(String content) {
    return Formats.detect(content.getBytes(StandardCharsets.UTF_8));
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
}
