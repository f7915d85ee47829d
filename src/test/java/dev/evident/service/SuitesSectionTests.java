package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.TaskSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The suites section of evident.yaml: what evident serve may run as tasks. */
class SuitesSectionTests {

  private static List<TaskSuite> parse(String yaml) {
    return ProjectConfigs.parse(yaml, "evident.yaml").suites();
  }

  private static void fails(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void readsASuiteWithItsCommandParametersTimeoutAndConcurrency() {
    List<TaskSuite> suites =
        parse(
            """
            suites:
              smoke:
                project: shop
                command: [pytest, tests/, -k, "{{filter}}", "--junitxml=out/{{task.id}}/j.xml"]
                workdir: /srv/shop
                results: out/*/j.xml
                timeout: 10m
                concurrency: 3
                parameters:
                  type: object
                  properties:
                    filter: {type: string, default: "", description: a -k expression}
                  required: [filter]
              quick:
                project: shop
                command: [make, test]
            """);

    assertThat(suites).hasSize(2);
    TaskSuite smoke = suites.get(0);
    assertThat(smoke.name()).isEqualTo("smoke");
    assertThat(smoke.command())
        .containsExactly(
            "pytest", "tests/", "-k", "{{filter}}", "--junitxml=out/{{task.id}}/j.xml");
    assertThat(smoke.workDir()).isEqualTo(Path.of("/srv/shop"));
    assertThat(smoke.results()).containsExactly("out/*/j.xml");
    assertThat(smoke.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(smoke.concurrency()).isEqualTo(3);
    assertThat(smoke.parameters().get("required")).isEqualTo(List.of("filter"));
    TaskSuite quick = suites.get(1);
    assertThat(quick.timeout()).isNull();
    assertThat(quick.concurrency()).isEqualTo(1);
    assertThat(quick.parameters()).isEqualTo(Map.of("type", "object", "properties", Map.of()));
  }

  @Test
  void mistakesNameTheFileTheLineAndWhatIsWrong() {
    fails(
        "suites:\n  a:\n    project: p\n    command: [x]\n    timout: 5m\n",
        "evident.yaml:5: unknown key 'timout' under suites.a; did you mean 'timeout'?");
    fails(
        "suites:\n  a:\n    project: p\n",
        "evident.yaml:2: suites.a needs project: and command: (a list: [pytest, tests/])");
    fails(
        "suites:\n  a:\n    project: p\n    command: [x, \"{{name}}\"]\n",
        "evident.yaml:4: suites.a uses {{name}}, which parameters.properties does not declare");
    fails(
        "suites:\n  a:\n    project: p\n    command: [x]\n    timeout: soon\n",
        "evident.yaml:5: suites.a.timeout must be a duration like 90s, 10m or 2h; found soon");
    fails(
        "suites:\n  a:\n    project: p\n    command: [x]\n    parameters:\n"
            + "      properties:\n        n: {type: integer, default: 1.5, format: x}\n",
        "evident.yaml:5: suites.a.parameters: n: unsupported keyword 'format' (type, enum, default,"
            + " minimum, maximum, pattern, description, title); default of n must be an integer,"
            + " not the number 1.5");
  }
}
