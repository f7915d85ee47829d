package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.analyze.FailureInput;
import dev.evident.analyze.Rule;
import dev.evident.analyze.RuleClassifier;
import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTests {

  @TempDir Path dir;

  private List<Rule> load(String yaml) throws IOException {
    Files.createDirectories(dir.resolve(".evident"));
    Files.writeString(dir.resolve(Rules.USER_FILE), yaml);
    return Rules.load(dir, null);
  }

  private static Diagnosis classify(List<Rule> rules, String text) {
    return new RuleClassifier(rules).classify(FailureInput.ofText("", text));
  }

  private static final String CATEGORIES =
      Arrays.stream(Category.values()).map(Category::id).collect(Collectors.joining(", "));

  @Test
  void withoutAUserFileTheBuiltInRulesApply() {
    assertThat(Rules.load(dir, null)).isSameAs(Rules.builtIn());
  }

  @Test
  void builtInRulesCoverEveryCategory() {
    Set<Category> covered =
        Rules.builtIn().stream().map(Rule::category).collect(Collectors.toSet());

    assertThat(covered).containsExactlyInAnyOrder(Category.values());
  }

  @Test
  void aUserRuleComesAfterTheBuiltInOnesAndCapturesEntities() throws IOException {
    List<Rule> rules =
        load(
            """
            rules:
              - id: billing-sandbox-down
                category: service_unavailable
                runners: [python]
                literal: sandbox unreachable
                pattern: 'billing sandbox unreachable at (?<address>\\S+)'
                confidence: 0.9
                remediation: 'start the billing sandbox on {address} (make sandbox)'
            """);

    assertThat(rules).hasSize(Rules.builtIn().size() + 1);
    assertThat(rules.getLast().id()).isEqualTo("billing-sandbox-down");
    assertThat(rules.getLast().priority()).isEqualTo(70);
    Diagnosis d = classify(rules, "E   RuntimeError: billing sandbox unreachable at 10.1.2.3:9443");
    assertThat(d.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(d.rule()).isEqualTo("billing-sandbox-down");
    assertThat(d.remediation())
        .isEqualTo("start the billing sandbox on 10.1.2.3:9443 (make sandbox)");
  }

  @Test
  void aUserRuleWithABuiltInIdReplacesItInPlace() throws IOException {
    int position = ids(Rules.builtIn()).indexOf("python-module-not-found");
    List<Rule> rules =
        load(
            """
            rules:
              - id: python-module-not-found
                category: missing_dependency
                pattern: 'No module named ''(?<module>[\\w.]+)'''
                remediation: 'uv add {module@pip}'
            """);

    assertThat(rules).hasSize(Rules.builtIn().size());
    assertThat(ids(rules).indexOf("python-module-not-found")).isEqualTo(position);
    assertThat(classify(rules, "ModuleNotFoundError: No module named 'yaml'").remediation())
        .isEqualTo("uv add pyyaml");
  }

  @Test
  void disableTurnsBuiltInRulesOff() throws IOException {
    List<Rule> rules = load("disable: [python-module-not-found]\n");

    assertThat(ids(rules)).doesNotContain("python-module-not-found");
    assertThat(classify(rules, "ModuleNotFoundError: No module named 'yaml'").category())
        .isEqualTo(Category.OTHER);
  }

  @Test
  void userTablesExtendTheBuiltInOnes() throws IOException {
    List<Rule> rules =
        load(
            """
            tables:
              pip:
                acme_sdk: acme-python-sdk
            """);

    assertThat(classify(rules, "No module named 'acme_sdk.client'").entities())
        .containsEntry("package", "acme-python-sdk");
    assertThat(classify(rules, "No module named 'yaml'").entities())
        .containsEntry("package", "pyyaml");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown category | rules:\\n  - id: redis-down\\n    category: srvice_unavailable\\n    pattern: refused | .evident/rules.yaml:3: rule 'redis-down': unknown category 'srvice_unavailable' (did you mean 'service_unavailable'?); use one of: CATEGORIES
          bad regex | rules:\\n  - id: x\\n    category: timeout\\n    pattern: 'timed (out'\\n | .evident/rules.yaml:4: rule 'x': bad pattern 'timed (out': Unclosed group near index 10
          bad group name | rules:\\n  - id: x\\n    category: timeout\\n    pattern: '(?<env_var>\\w+) not set' | .evident/rules.yaml:4: rule 'x': bad pattern '(?<env_var>\\w+) not set': named capturing group is missing trailing '>' near index 6 (group names are letters and digits, like (?<envVar>...))
          unknown key | rules:\\n  - id: x\\n    category: timeout\\n    paterns: [a] | .evident/rules.yaml:4: rule 'x': unknown key 'paterns'; did you mean 'patterns'?
          missing id | rules:\\n  - category: timeout\\n    pattern: a | .evident/rules.yaml:2: rules[1]: a rule needs an id, like id: redis-down
          missing category | rules:\\n  - id: x\\n    pattern: a | .evident/rules.yaml:2: rule 'x': a rule needs a category
          missing pattern | rules:\\n  - id: x\\n    category: timeout | .evident/rules.yaml:2: rule 'x': a rule needs a pattern (or patterns: a list)
          pattern and patterns | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n    patterns: [b] | .evident/rules.yaml:2: rule 'x': write pattern or patterns, not both
          duplicate id | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n  - id: x\\n    category: timeout\\n    pattern: b | .evident/rules.yaml:5: rule 'x' is defined twice (first at line 2)
          confidence out of range | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n    confidence: 1.5 | .evident/rules.yaml:5: rule 'x': confidence must be from 0 to 1; found the number 1.5
          priority not a number | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n    priority: high | .evident/rules.yaml:5: rules[1].priority must be a whole number (higher wins); found text 'high'
          unknown runner | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n    runners: [pyest] | .evident/rules.yaml:5: rule 'x': unknown runner 'pyest' (did you mean 'pytest'?); use an ecosystem (python, java, javascript, go, rust) or one of: RUNNERS
          unknown part | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n    in: [mesage] | .evident/rules.yaml:5: rule 'x': unknown part 'mesage' (did you mean 'message'?); use one of: type, message, details, stderr, stdout, console, any
          uncaptured entity | rules:\\n  - id: x\\n    category: timeout\\n    pattern: 'took (?<seconds>\\d+)s'\\n    remediation: 'raise the limit above {limit}' | .evident/rules.yaml:5: rule 'x': remediation uses {limit} without a fallback, but not every match has it; capture it in every pattern with (?<limit>...) or write {limit|text for when it is absent} (always there: seconds)
          unknown table | rules:\\n  - id: x\\n    category: timeout\\n    pattern: '(?<m>\\w+)'\\n    remediation: 'pip install {m@pipp}' | .evident/rules.yaml:5: rule 'x': remediation: unknown table 'pipp' in {m@pipp}; tables: TABLES
          unclosed placeholder | rules:\\n  - id: x\\n    category: timeout\\n    pattern: a\\n    remediation: 'see {docs' | .evident/rules.yaml:5: rule 'x': remediation: unclosed { at position 5 (write {{ for a brace)
          later uses an uncaptured group | rules:\\n  - id: x\\n    category: flaky_nondeterminism\\n    pattern: '(?<test>\\S+) FAILED'\\n    later: '^{name} PASSED' | .evident/rules.yaml:5: rule 'x': later uses {name}, but not every pattern captures it; capture it in every pattern with (?<name>...)
          bad later pattern | rules:\\n  - id: x\\n    category: flaky_nondeterminism\\n    pattern: '(?<test>\\S+) FAILED'\\n    later: '^{test} (PASSED' | .evident/rules.yaml:5: rule 'x': bad later pattern '^{test} (PASSED': Unclosed group
          disable unknown rule | disable: [python-module-not-fund] | .evident/rules.yaml:1: disable: there is no built-in rule 'python-module-not-fund'; did you mean 'python-module-not-found'?
          unknown top-level key | rule:\\n  - id: x | .evident/rules.yaml:1: unknown key 'rule'; did you mean 'rules'?
          not YAML | rules: [a, b | .evident/rules.yaml:1: invalid YAML: expected ',' or ']'
          """)
  void aBadUserRuleIsReportedWithFileAndLine(String what, String yaml, String message) {
    String expected =
        message
            .replace("CATEGORIES", CATEGORIES)
            .replace("RUNNERS", String.join(", ", dev.evident.analyze.Runners.names()))
            .replace(
                "TABLES", "pip, ports, service-env, pytest-fixtures, pytest-options, classfile");

    assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .message()
        .startsWith(expected);
  }

  @Test
  void aUserRuleCanRequireALaterLineAboutTheSameTest() throws IOException {
    List<Rule> rules =
        load(
            """
            rules:
              - id: bazel-rerun-passed
                category: flaky_nondeterminism
                literal: FAILED
                pattern: '^(?<target>//\\S+) FAILED in'
                later: '^{target} PASSED in \\d{1,3}\\.\\d+s'
                remediation: '{target} failed, then passed'
            """);

    Diagnosis sameTarget =
        classify(rules, "//svc:api_test FAILED in 3.1s\n//svc:api_test PASSED in 2.9s");
    Diagnosis otherTarget =
        classify(rules, "//svc:api_test FAILED in 3.1s\n//svc:db_test PASSED in 2.9s");

    assertThat(sameTarget.rule()).isEqualTo("bazel-rerun-passed");
    assertThat(sameTarget.remediation()).isEqualTo("//svc:api_test failed, then passed");
    assertThat(otherTarget.rule()).isNotEqualTo("bazel-rerun-passed");
  }

  @Test
  void aNamedRulesFileMustExist() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> Rules.load(dir, missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cannot read rules " + missing + ": no such file");
  }

  @Test
  void aNamedRulesFileIsUsedInsteadOfTheDefaultOneAndNamedInMessages() throws IOException {
    Path file = Files.writeString(dir.resolve("team-rules.yaml"), "disable: [nope]\n");

    assertThatThrownBy(() -> Rules.load(dir, file))
        .isInstanceOf(ConfigException.class)
        .message()
        .startsWith(file + ":1: disable: there is no built-in rule 'nope'");
  }

  private static List<String> ids(List<Rule> rules) {
    return rules.stream().map(Rule::id).toList();
  }
}
