package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Run;
import dev.evident.model.SuspectReport;
import dev.evident.model.Suspicion.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspectServiceTests {

  @TempDir Path dir;

  private Workspace workspace() {
    return Workspace.open(dir.resolve("evident.db").toString());
  }

  /**
   * A Surefire report: an integration test that passes in 0.000 s and one that takes a second, a
   * unit suite with a test always skipped, a legacy suite entirely skipped, and {@code extra}
   * skipped tests.
   */
  private Path surefire(String name, int extra) throws IOException {
    StringBuilder xml = new StringBuilder("<testsuites>\n");
    xml.append("<testsuite name=\"com.acme.PaymentIT\">")
        .append("<testcase classname=\"com.acme.PaymentIT\" name=\"charges\" time=\"0.000\"/>")
        .append("<testcase classname=\"com.acme.PaymentIT\" name=\"refunds\" time=\"1.250\"/>")
        .append("</testsuite>\n<testsuite name=\"com.acme.CartTest\">");
    for (int i = 0; i < 20; i++) {
      xml.append("<testcase classname=\"com.acme.CartTest\" name=\"adds")
          .append(i)
          .append("\" time=\"0.002\"/>");
    }
    xml.append("<testcase classname=\"com.acme.CartTest\" name=\"later\"><skipped/></testcase>");
    for (int i = 0; i < extra; i++) {
      xml.append("<testcase classname=\"com.acme.CartTest\" name=\"off")
          .append(i)
          .append("\"><skipped/></testcase>");
    }
    xml.append("</testsuite>\n<testsuite name=\"com.acme.LegacyTest\">")
        .append("<testcase classname=\"com.acme.LegacyTest\" name=\"a\"><skipped/></testcase>")
        .append("<testcase classname=\"com.acme.LegacyTest\" name=\"b\"><skipped/></testcase>")
        .append("</testsuite>\n</testsuites>\n");
    Path file = dir.resolve(name);
    Files.writeString(file, xml);
    return file;
  }

  private Run ingest(Workspace w, Path file) {
    return w.ingest()
        .ingest(
            new IngestService.Request(List.of(file.toString()), dir, "shop", Map.of(), "auto"),
            IngestService.Progress.NONE)
        .run();
  }

  @Test
  void flagsEachKindFromAStoredHistoryWithReasonsAndNumbers() throws IOException {
    try (Workspace w = workspace()) {
      for (int i = 0; i < 4; i++) {
        ingest(w, surefire("TEST-" + i + ".xml", 0));
      }
      Run last = ingest(w, surefire("TEST-last.xml", 10));

      SuspectReport report = w.suspects().find(last, 10);
      String text = SuspectService.text(report, 10);

      assertThat(report.count(Kind.SKIP_RATIO_JUMP)).isEqualTo(1);
      assertThat(report.count(Kind.SUITE_NOT_EXECUTED)).isEqualTo(1);
      assertThat(report.count(Kind.INSTANT_INTEGRATION_TEST)).isEqualTo(1);
      assertThat(report.count(Kind.ALWAYS_SKIPPED)).isEqualTo(1);
      assertThat(text)
          .startsWith(
              "Suspicious tests in run 5 (project shop): 4 flags (1 skip_ratio_jump,"
                  + " 1 suite_not_executed, 1 instant_integration_test, 1 always_skipped)\n\n"
                  + "Share of skipped tests jumped (1):\n")
          .contains(
              "  this run: skipped 13 of 35 (37.1%) vs 3 of 25 (12.0%) in run 2, the median of the 4 runs before it (runs 1-4)\n")
          .contains(
              "  com.acme.LegacyTest: collected 2 tests, executed none (all 2 skipped); none executed in the 4 runs before it either (runs 1-4)\n")
          .contains(
              "  com.acme.PaymentIT > charges: passed in 0.00 s in an integration suite (class PaymentIT (named like Failsafe's integration tests)): possibly not touching the real system\n")
          .contains("  com.acme.CartTest > later: skipped in all 5 of the last 5 runs (runs 1-5)\n")
          .doesNotContain("refunds")
          .doesNotContain("off0")
          .contains("Checked:\n  history: the last 5 runs (runs 1-5)\n");
    }
  }

  @Test
  void theHistoryIsTheProjectsRunsUpToTheRunAskedFor() throws IOException {
    try (Workspace w = workspace()) {
      Run first = ingest(w, surefire("TEST-1.xml", 0));
      for (int i = 0; i < 3; i++) {
        ingest(w, surefire("TEST-more" + i + ".xml", 0));
      }

      SuspectReport report = w.suspects().find(first, 10);

      assertThat(report.history()).extracting(Run::id).containsExactly(first.id());
      assertThat(report.count(Kind.ALWAYS_SKIPPED)).isZero();
      assertThat(SuspectService.json(report))
          .containsEntry("run", first.id())
          .containsEntry("history", Map.of("runs", 1, "firstRun", 1L, "lastRun", 1L));
    }
  }

  @Test
  void aTestMarkedEndToEndByItsCtrfTypeIsFlaggedWhenItPassesInNoTime() throws IOException {
    Path ctrf = dir.resolve("ctrf.json");
    Files.writeString(
        ctrf,
        """
        {"results": {"tool": {"name": "playwright"}, "summary": {"tests": 2, "passed": 2},
         "tests": [
          {"name": "checks out", "status": "passed", "duration": 0, "suite": ["checkout"], "type": "e2e"},
          {"name": "renders", "status": "passed", "duration": 35, "suite": ["checkout"], "type": "e2e"}]}}
        """);
    try (Workspace w = workspace()) {
      SuspectReport report = w.suspects().find(ingest(w, ctrf), 10);

      assertThat(SuspectService.text(report, 10))
          .contains(
              "  checkout > checks out: passed in 0.00 s in an integration suite (property type=e2e): possibly not touching the real system\n");
    }
  }
}
