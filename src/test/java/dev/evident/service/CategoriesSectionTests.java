package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.TestCategory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoriesSectionTests {

  private static List<TestCategory> parse(String yaml) {
    return ProjectConfigs.parse(yaml, "evident.yaml").categories();
  }

  @Test
  void readsCategoriesInFileOrderWithTheirPatternsAndTargets() {
    List<TestCategory> categories =
        parse(
            """
            requires:
              commands: [docker]
            categories:
              integration:
                match:
                  suite: [com.acme.it.*, "*IT"]
                target:
                  tests: 15
                  pass_rate: 90%
              smoke:
                match:
                  tag: smoke
                  path: tests/smoke/**
                  property: [team=pay*, owner]
                target: {passed: 3, pass_rate: 99.5%}
              tracked:
                match: {suite: com.acme.legacy.*}
            """);

    assertThat(categories)
        .extracting(TestCategory::name)
        .containsExactly("integration", "smoke", "tracked");
    assertThat(categories.get(0).match().suites()).containsExactly("com.acme.it.*", "*IT");
    assertThat(categories.get(0).target()).isEqualTo(new TestCategory.Target(15, null, 0.9));
    assertThat(categories.get(1).match())
        .isEqualTo(
            new TestCategory.Match(
                List.of(),
                List.of("tests/smoke/**"),
                List.of("smoke"),
                List.of("team=pay*", "owner")));
    assertThat(categories.get(1).target()).isEqualTo(new TestCategory.Target(null, 3, 0.995));
    assertThat(categories.get(2).target()).isEqualTo(TestCategory.Target.NONE);
  }

  @Test
  void aFileWithoutTheSectionDeclaresNoCategories() {
    assertThat(parse("requires:\n  commands: [docker]\n")).isEmpty();
    assertThat(parse("categories:\n")).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          categories:\\n  it:\\n    target: {tests: 15}\\n | evident.yaml:2: categories.it needs match: with suite:, path:, tag: or property:, like match: {suite: com.acme.it.*}
          categories:\\n  it:\\n    match: {}\\n | evident.yaml:3: categories.it.match needs at least one of suite:, path:, tag:, property:
          categories:\\n  it:\\n    match:\\n      suites: com.acme.*\\n | evident.yaml:4: unknown key 'suites' under categories.it.match; did you mean 'suite'?
          categories:\\n  it:\\n    match: {suite: a}\\n    targets: {tests: 1}\\n | evident.yaml:4: unknown key 'targets' under categories.it; did you mean 'target'?
          categories:\\n  it:\\n    match: {suite: a}\\n    target:\\n      tests: fifteen\\n | evident.yaml:5: categories.it.target.tests must be a whole number of tests, like 15; found text 'fifteen'
          categories:\\n  it:\\n    match: {suite: a}\\n    target:\\n      tests: 0\\n | evident.yaml:5: categories.it.target.tests must be at least 1; found 0
          categories:\\n  it:\\n    match: {suite: a}\\n    target:\\n      pass_rate: 0.9\\n | evident.yaml:5: categories.it.target.pass_rate must be a percentage, like 90% (with the %); found the number 0.9
          categories:\\n  it:\\n    match: {suite: a}\\n    target:\\n      pass_rate: 120%\\n | evident.yaml:5: categories.it.target.pass_rate must be a percentage, like 90%, from 0% to 100%; found text '120%'
          categories:\\n  it:\\n    match: {suite: a}\\n    target: {tests: 5, passed: 6}\\n | evident.yaml:4: categories.it.target.passed: 6 passed of a target of 5 tests cannot be met
          categories:\\n  it:\\n    match: {property: =x}\\n | evident.yaml:3: categories.it.match.property: '=x' is not a property: write NAME=VALUE or NAME
          categories:\\n  it:\\n    match: {tag: [smoke, {a: b}]}\\n | evident.yaml:3: categories.it.match.tag[2] must be a tag, like integration; found a mapping
          categories:\\n  uncategorised:\\n    match: {suite: a}\\n | evident.yaml:2: 'uncategorised' cannot name a category: it names the tests in no category
          categories:\\n  - name: it\\n | evident.yaml:1: categories must be a mapping, like unit: {match: {path: tests/unit/**}, target: {tests: 50}}; found a list
          categories:\\n  it: {match: {suite: a}}\\n  it: {match: {suite: b}}\\n | evident.yaml:3: duplicate key 'it' (first at line 2)
          """)
  void errorsNameFileAndLineAndSayWhatIsWrong(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
