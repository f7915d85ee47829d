package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.verify.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every labeled report gets exactly its labeled verdicts: every labeled claim is found with its
 * verdict, no claim is read where none is labeled (plans, targets, "$500K ARR", "port 6381"), and
 * no claim is falsely CONTRADICTED. Cases over the shared reports run when ../shared/reports is
 * there.
 */
class LabeledReportsTests {

  @TempDir Path work;

  static Stream<LabeledReports.Case> cases() {
    return LabeledReports.load(LabeledReports.CASES, LabeledReports.sharedReports()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyClaimGetsItsLabeledVerdict(LabeledReports.Case c) {
    Verification v = LabeledReports.verify(c, work);
    LabeledReports.Score score = LabeledReports.score(c, v);

    assertThat(score.errors()).isEmpty();
    assertThat(score.falseContradicted()).isZero();
    assertThat(score.correct()).isEqualTo(score.labeled());
    assertThat(score.strictCorrect()).isEqualTo(score.labeled());
    assertThat(score.strictFalseContradicted()).isZero();
  }

  @Test
  void atLeastEightOwnReportsAreLabeledAndEveryCaseHasLabels() throws Exception {
    List<LabeledReports.Case> own = LabeledReports.load(LabeledReports.CASES, work);
    assertThat(own).hasSizeGreaterThanOrEqualTo(8);
    try (Stream<Path> dirs = Files.list(LabeledReports.CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        assertThat(dir.resolve("labels.tsv")).as(dir.toString()).isRegularFile();
      }
    }
  }

  @Test
  void everySharedReportIsLabeledAndReadFromBesideTheProjectNeverCopied() throws Exception {
    try (Stream<Path> files = Files.walk(LabeledReports.CASES)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .doesNotContain("test-execution-summary.md", "integration-test-progress.md");
    }
    Assumptions.assumeTrue(
        Files.isDirectory(LabeledReports.sharedReports()), "no ../shared/reports");
    List<Path> covered =
        cases()
            .map(LabeledReports.Case::report)
            .filter(r -> r.startsWith(LabeledReports.sharedReports()))
            .map(Path::getFileName)
            .toList();
    try (Stream<Path> reports = Files.list(LabeledReports.sharedReports())) {
      List<Path> all =
          reports
              .map(Path::getFileName)
              .filter(f -> f.toString().endsWith(".md") && !f.toString().equals("README.md"))
              .toList();
      assertThat(all).isNotEmpty();
      assertThat(covered).as("every shared report has a labeled case").containsAll(all);
    }
  }
}
