package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.ProgressReport;
import dev.evident.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressServiceTests {

  @TempDir Path dir;

  /** The issue's example: seven categories with targets 15/15/15/15/15/15/10. */
  private static final String SEVEN =
      """
      categories:
        login:    {match: {suite: com.acme.login.*}, target: {tests: 15, pass_rate: 90%}}
        search:   {match: {suite: com.acme.search.*}, target: {tests: 15}}
        cart:     {match: {suite: com.acme.cart.*}, target: {tests: 15}}
        checkout: {match: {suite: com.acme.checkout.*}, target: {tests: 15}}
        payment:  {match: {suite: com.acme.payment.*}, target: {tests: 15}}
        account:  {match: {suite: com.acme.account.*}, target: {tests: 15}}
        admin:    {match: {suite: com.acme.admin.*}, target: {tests: 10}}
      """;

  private Workspace workspace() {
    return Workspace.open(dir.resolve("evident.db").toString());
  }

  /** A login suite of {@code passed} passing, 1 failing and {@code skipped} skipped tests. */
  private Path login(String name, int passed, int skipped) throws IOException {
    StringBuilder xml =
        new StringBuilder("<testsuites><testsuite name=\"com.acme.login.LoginTest\">");
    for (int i = 0; i < passed; i++) {
      xml.append("<testcase classname=\"com.acme.login.LoginTest\" name=\"ok")
          .append(i)
          .append("\"/>");
    }
    xml.append(
        "<testcase classname=\"com.acme.login.LoginTest\" name=\"bad\"><failure message=\"no\"/></testcase>");
    for (int i = 0; i < skipped; i++) {
      xml.append("<testcase classname=\"com.acme.login.LoginTest\" name=\"later")
          .append(i)
          .append("\"><skipped/></testcase>");
    }
    xml.append("</testsuite><testsuite name=\"tools.Strings\">")
        .append(
            "<testcase classname=\"tools.Strings\" name=\"trims\" file=\"tests/smoke/strings.py\"/>")
        .append("</testsuite></testsuites>");
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

  private ProjectConfigs.Loaded config(String yaml) throws IOException {
    Files.writeString(dir.resolve("evident.yaml"), yaml);
    return ProgressService.categories(dir, null);
  }

  @Test
  void theIssuesExampleSaysHowManyTestsExistAndNeverAPercentageOfNone() throws IOException {
    try (Workspace w = workspace()) {
      ingest(w, login("TEST-1.xml", 6, 0));
      Run run = ingest(w, login("TEST-2.xml", 11, 3));
      ProjectConfigs.Loaded loaded = config(SEVEN);

      ProgressReport report = w.progress().measure(run, loaded.config().categories(), 10);
      String text = ProgressService.text(report, loaded.name());

      assertThat(text)
          .startsWith("Progress of run 2 (project shop) against 7 categories in evident.yaml\n")
          .contains(
              "login          15 tests, 90% passed  15 of 15  12        11      1       3        11 of 15 (73.3%)      NOT MET: 73.3% passed, target 90%\n")
          .contains(
              "search         15 tests              0 of 15   -         -       -       -        -                     NOT MET: 0 of 15 tests exist\n")
          .contains(
              "admin          10 tests              0 of 10   -         -       -       -        -                     NOT MET: 0 of 10 tests exist\n")
          .contains(
              "uncategorised  -                     1         1         1       0       0        1 of 1 (100.0%)\n")
          .contains(
              "Targets met: 0 of 7 categories with a target. Tests toward the test-count targets: 15 of 100 exist.\n")
          .contains("  run  started")
          .containsPattern("\n  1 +\\S+ \\S+ +6/7 +- +- +- +- +- +- +1/1\n")
          .containsPattern("\n  2 +\\S+ \\S+ +11/15 +- +- +- +- +- +- +1/1\n");
      for (String line : text.split("\n")) {
        if (line.contains("0 of 15 tests exist") || line.contains("0 of 10 tests exist")) {
          assertThat(line).doesNotContain("%");
        }
      }
    }
  }

  @Test
  void aCategoryMatchesByTheSourceFileTheResultsGive() throws IOException {
    try (Workspace w = workspace()) {
      Run run = ingest(w, login("TEST-1.xml", 2, 0));
      ProjectConfigs.Loaded loaded =
          config(
              "categories:\n  smoke:\n    match: {path: tests/smoke/**}\n    target: {tests: 1}\n");

      ProgressReport report = w.progress().measure(run, loaded.config().categories(), 10);

      assertThat(report.categories().get(0).counts().collected()).isEqualTo(1);
      assertThat(report.categories().get(0).met()).isTrue();
      assertThat(report.uncategorised().counts().collected()).isEqualTo(3);
      Map<String, Object> json = ProgressService.json(report, loaded.name());
      assertThat(json).containsEntry("met", 1L).containsEntry("config", "evident.yaml");
    }
  }

  @Test
  void withoutAFileOrWithoutCategoriesItSaysWhatToAdd() throws IOException {
    assertThatThrownBy(() -> ProgressService.categories(dir, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "no evident.yaml (or .evident/config.yaml) here: declare categories");
    Files.writeString(dir.resolve("evident.yaml"), "requires:\n  commands: [docker]\n");
    assertThatThrownBy(() -> ProgressService.categories(dir, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "evident.yaml declares no categories: add a categories: section (see README: evident progress)");
  }
}
