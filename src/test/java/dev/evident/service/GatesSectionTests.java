package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.GateRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatesSectionTests {

  private static GateRules parse(String yaml) {
    return ProjectConfigs.parse(yaml, "evident.yaml").gates();
  }

  @Test
  void readsEveryRuleAndTheBaseline() {
    GateRules rules =
        parse(
            """
            flaky:
              window: 20
            gates:
              max_new_failures: 0
              min_pass_rate: 99.5%
              min_executed: 1000
              max_flaky: 5
              no_broken: true
              baseline: branch:main
            """);

    assertThat(rules)
        .isEqualTo(
            new GateRules(0, new java.math.BigDecimal("99.5"), 1000L, 5, true, "branch:main"));
  }

  @Test
  void aFileWithoutGatesSetsNoRule() {
    assertThat(parse("flaky:\n  window: 20\n").isEmpty()).isTrue();
    assertThat(parse("gates:\n  no_broken: false\n").isEmpty()).isTrue();
  }

  @Test
  void aPassRateMayBeWrittenAsANumberOfPercent() {
    assertThat(parse("gates:\n  min_pass_rate: 95\n").minPassRate()).isEqualByComparingTo("95");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gates:\\n  min_pass_rate: 0.95\\n|evident.yaml:2: gates.min_pass_rate: '0.95' is ambiguous",
        "gates:\\n  min_pass_rate: 120%\\n|evident.yaml:2: gates.min_pass_rate: '120%' is not a percentage",
        "gates:\\n\\n  max_new_failures: -1\\n|evident.yaml:3: gates.max_new_failures must be 0 or more; found -1",
        "gates:\\n  min_executed: many\\n|evident.yaml:2: gates.min_executed must be a whole number",
        "gates:\\n  no_broken: yes please\\n|evident.yaml:2: gates.no_broken must be true or false",
        "gates:\\n  max_flakey: 2\\n|evident.yaml:2: unknown key 'max_flakey' under gates; did you mean 'max_flaky'?",
        "gates: strict\\n|evident.yaml:1: gates must be a mapping"
      })
  void errorsNameFileLineAndWhatIsExpected(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }
}
