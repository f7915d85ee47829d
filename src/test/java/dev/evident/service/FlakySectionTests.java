package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.FlakySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The flaky section of evident.yaml. */
class FlakySectionTests {

  private static FlakySettings parse(String yaml) {
    return ProjectConfigs.parse(yaml, "evident.yaml").flaky();
  }

  @Test
  void readsEveryKeyAndLeavesTheOthersAtTheirDefaults() {
    assertThat(
            parse(
                """
                flaky:
                  window: 200
                  min_runs: 8
                  threshold: 0.1
                  recovery_runs: 20
                  outage_share: 0.7
                """))
        .isEqualTo(new FlakySettings(200, 8, 0.1, 20, 0.7));
    assertThat(parse("flaky:\n  window: 100\n"))
        .isEqualTo(new FlakySettings(100, 5, 0.05, 10, 0.5));
    assertThat(parse("requires:\n  commands: [sh]\n")).isEqualTo(FlakySettings.DEFAULT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'flaky:\n  windw: 10\n' | evident.yaml:2: unknown key 'windw' under flaky; did you mean"
            + " 'window'?",
        "'flaky:\n  window: 1\n' | evident.yaml:2: flaky.window must be 2 runs or more; found 1",
        "'flaky:\n  window: ten\n' | evident.yaml:2: flaky.window must be a whole number, 2 runs"
            + " or more; found text 'ten'",
        "'flaky:\n  threshold: 1.5\n' | evident.yaml:2: flaky.threshold must be a number above 0"
            + " and at most 1; found the number 1.5",
        "'flaky:\n  outage_share: 1\n' | evident.yaml:2: flaky.outage_share must be a number"
            + " above 0 and below 1; found the number 1",
        "'flaky:\n  threshold: high\n' | evident.yaml:2: flaky.threshold must be a number above 0"
            + " and at most 1, like 0.05; found text 'high'",
        "'flaky:\n  window: 10\n  min_runs: 20\n' | evident.yaml:3: flaky.min_runs (20) is more"
            + " than flaky.window (10): no test could get a verdict",
        "'flaky: 50\n' | evident.yaml:1: flaky must be a mapping, like window: 50; found the"
            + " number 50",
      })
  void mistakesAreErrorsWithFileAndLine(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }
}
