package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTests {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "**/target/surefire-reports/TEST-*.xml, target/surefire-reports/TEST-a.xml, true",
    "**/target/surefire-reports/TEST-*.xml, core/target/surefire-reports/TEST-a.xml, true",
    "**/target/surefire-reports/TEST-*.xml, a/b/target/surefire-reports/TEST-a.xml, true",
    "**/target/surefire-reports/TEST-*.xml, target/surefire-reports/old/TEST-a.xml, false",
    "**/target/surefire-reports/TEST-*.xml, target/surefire-reports/a.xml, false",
    "**/build/test-results/**/*.xml, build/test-results/test/TEST-a.xml, true",
    "**/build/test-results/**/*.xml, build/test-results/TEST-a.xml, true",
    "**/build/test-results/**/*.xml, build/test-results/test/binary/results.bin, false",
    "'reports/*.{xml,json}', reports/ctrf.json, true",
    "'reports/*.{xml,json}', reports/sub/ctrf.json, false",
    "results-?.tap, results-1.tap, true",
    "results-[!0].tap, results-0.tap, false",
    "pytest-junit.xml, pytest-junit.xml, true",
  })
  void matchesResultPathsWithLeadingDoubleStarAlsoMatchingNoDirectory(
      String glob, String path, boolean matches) {
    var location = new Invocation.ResultLocation(Path.of("/work"), glob);

    assertThat(location.matches(Path.of(path))).isEqualTo(matches);
    assertThat(location.matches(Path.of("/work").resolve(path))).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} -> {1} + {2}")
  @CsvSource({
    "build/reports/*.xml, /work/app/build/reports, *.xml",
    "**/TEST-*.xml, /work/app, **/TEST-*.xml",
    "results.tap, /work/app, results.tap",
    "out/junit.xml, /work/app/out, junit.xml",
    "../shared/out/*.json, /work/shared/out, *.json",
    "/tmp/ci/results/*.xml, /tmp/ci/results, *.xml",
  })
  void walksOnlyTheDirectoriesBeforeTheFirstWildcard(String glob, String root, String rest) {
    var location = Glob.location(Path.of("/work/app"), glob);

    assertThat(location.root()).isEqualTo(Path.of(root));
    assertThat(location.glob()).isEqualTo(rest);
  }

  @org.junit.jupiter.api.Test
  void matchesNoFileOutsideTheRoot() {
    var location = new Invocation.ResultLocation(Path.of("/work/app"), "**/*.xml");

    assertThat(location.matches(Path.of("/work/other/a.xml"))).isFalse();
  }
}
