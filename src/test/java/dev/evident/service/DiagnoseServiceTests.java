package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Category;
import dev.evident.model.CauseGroup;
import dev.evident.model.Run;
import dev.evident.model.RunDiagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseServiceTests {

  @TempDir Path dir;

  private Workspace workspace() {
    return Workspace.open(dir.resolve("evident.db").toString());
  }

  /** A Surefire report: {@code refused} tests that cannot reach Redis, plus two assertions. */
  private Path surefire(String name, int refused) throws IOException {
    StringBuilder xml = new StringBuilder("<testsuite name=\"com.acme.PayIT\">\n");
    for (int i = 0; i < refused; i++) {
      xml.append("<testcase classname=\"com.acme.PayIT\" name=\"pays")
          .append(i)
          .append("\">")
          .append(
              "<error type=\"java.net.ConnectException\" message=\"Connection refused: localhost/127.0.0.1:6381\">")
          .append("java.net.ConnectException: Connection refused: localhost/127.0.0.1:6381\n")
          .append("\tat java.base/sun.nio.ch.Net.connect0(Native Method)\n")
          .append("\tat io.lettuce.core.RedisClient.connect(RedisClient.java:212)\n")
          .append("\tat com.acme.PayIT.pays")
          .append(i)
          .append("(PayIT.java:")
          .append(20 + i)
          .append(")\n")
          .append("</error></testcase>\n");
    }
    xml.append(
            "<testcase classname=\"com.acme.CartTest\" name=\"totals\"><failure type=\"org.opentest4j.AssertionFailedError\" message=\"expected: &lt;3&gt; but was: &lt;4&gt;\">org.opentest4j.AssertionFailedError: expected: &lt;3&gt; but was: &lt;4&gt;</failure></testcase>\n")
        .append(
            "<testcase classname=\"com.acme.CartTest\" name=\"retries\"><flakyFailure type=\"java.util.concurrent.TimeoutException\" message=\"lock not acquired\">java.util.concurrent.TimeoutException: lock not acquired</flakyFailure></testcase>\n")
        .append("<testcase classname=\"com.acme.CartTest\" name=\"adds\"/>\n")
        .append("</testsuite>\n");
    Path file = dir.resolve(name);
    Files.writeString(file, xml);
    return file;
  }

  private Run ingest(Workspace w, Path... files) {
    List<String> paths = java.util.Arrays.stream(files).map(Path::toString).toList();
    return w.ingest()
        .ingest(
            new IngestService.Request(paths, dir, "shop", Map.of(), "auto"),
            IngestService.Progress.NONE)
        .run();
  }

  @Test
  void manyTestsFailingForOneSystemReasonAreOneGroupReportedFirstAsAnEnvironmentProblem()
      throws IOException {
    try (Workspace w = workspace()) {
      Run run = ingest(w, surefire("TEST-a.xml", 40));

      RunDiagnosis d = w.diagnoses().diagnose(run, 5, true);

      assertThat(d.failures()).isEqualTo(42);
      CauseGroup first = d.groups().get(0);
      assertThat(first.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
      assertThat(first.count()).isEqualTo(40);
      assertThat(first.tests()).hasSize(5);
      assertThat(first.diagnosis().entities()).containsEntry("port", "6381");
      assertThat(d.environment())
          .startsWith("40 of 42 failures share one system-level cause: service_unavailable");
      assertThat(d.nextSteps().get(0).tests()).isEqualTo(40);
      assertThat(d.nextSteps().get(0).action()).contains("localhost:6381");
      assertThat(d.groups())
          .extracting(CauseGroup::category)
          .containsExactly(
              Category.SERVICE_UNAVAILABLE,
              Category.ASSERTION_FAILURE,
              Category.FLAKY_NONDETERMINISM);
    }
  }

  @Test
  void aTestThatPassedOnARerunIsFlakyWithItsFailedAttemptsCauseAsEvidence() throws IOException {
    try (Workspace w = workspace()) {
      RunDiagnosis d = w.diagnoses().diagnose(ingest(w, surefire("TEST-a.xml", 0)), 5, true);

      CauseGroup flaky =
          d.groups().stream()
              .filter(g -> g.category() == Category.FLAKY_NONDETERMINISM)
              .findFirst()
              .orElseThrow();
      assertThat(flaky.diagnosis().evidence())
          .startsWith("failed, then passed on a rerun in the same run");
      assertThat(flaky.diagnosis().entities()).containsEntry("attempt_cause", "timeout");
      assertThat(d.environment()).isEmpty();
    }
  }

  @Test
  void aFailureSeenInAnEarlierRunSaysWhereAndALabelIsInherited() throws IOException {
    try (Workspace w = workspace()) {
      Run first = ingest(w, surefire("TEST-a.xml", 3));
      w.labels()
          .label(
              first.id() + ":com.acme.PayIT > pays0",
              "service_unavailable",
              "redis is not started in CI",
              null);
      Run second = ingest(w, surefire("TEST-b.xml", 5));

      CauseGroup redis = w.diagnoses().diagnose(second, 5, true).groups().get(0);

      assertThat(redis.seen()).isNotNull();
      assertThat(redis.seen().lastRun()).isEqualTo(first.id());
      assertThat(redis.label()).isNotNull();
      assertThat(redis.labelSource())
          .contains("labelled by a person")
          .contains("redis is not started in CI");
      assertThat(redis.diagnosis().remediation()).isEqualTo("redis is not started in CI");
    }
  }

  @Test
  void aCollectionErrorThatKeptTestsFromRunningIsTheFirstNextStep() throws IOException {
    Path pytest = dir.resolve("pytest.xml");
    Files.writeString(
        pytest,
        "<testsuites><testsuite name=\"pytest\"><testcase classname=\"\" name=\"tests.test_reports\"><error message=\"collection failure\">"
            + "ImportError while importing test module '/ci/tests/test_reports.py'.\nE   ModuleNotFoundError: No module named 'pandas'</error></testcase></testsuite></testsuites>");
    try (Workspace w = workspace()) {
      RunDiagnosis d = w.diagnoses().diagnose(ingest(w, pytest), 5, true);

      assertThat(d.run().status().name()).isEqualTo("BROKEN");
      assertThat(d.runErrors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.diagnosis().category()).isEqualTo(Category.MISSING_DEPENDENCY);
                assertThat(e.diagnosis().entities()).containsEntry("module", "pandas");
              });
      assertThat(d.nextSteps().get(0).tests()).isEqualTo(-1);
      assertThat(d.nextSteps().get(0).action()).contains("pandas");
      assertThat(d.nextSteps().get(0).blocked()).containsExactly("tests.test_reports");
      assertThat(DiagnoseService.text(d, 10)).contains("(kept tests.test_reports from running)");
    }
  }

  @Test
  void jsonAndTextSayTheSame() throws IOException {
    try (Workspace w = workspace()) {
      RunDiagnosis d = w.diagnoses().diagnose(ingest(w, surefire("TEST-a.xml", 4)), 5, true);

      Map<String, Object> json = DiagnoseService.json(d);
      String text = DiagnoseService.text(d, 10);

      assertThat(json)
          .containsKeys("run", "environmentProblem", "groups", "runErrors", "nextSteps");
      @SuppressWarnings("unchecked")
      Map<String, Object> group = ((List<Map<String, Object>>) json.get("groups")).get(0);
      assertThat(group).containsEntry("category", "service_unavailable").containsEntry("count", 4);
      assertThat(text)
          .contains("1. service_unavailable · 4 tests")
          .contains("Next steps (by tests they would unblock):");
      assertThat(DiagnoseService.topCauses(d))
          .startsWith("Top causes: service_unavailable 4 tests (Connection refused");
    }
  }
}
