package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evident.model.ProjectConfig;
import dev.evident.model.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectConfigsTests {

  @TempDir Path dir;

  private static final String EXAMPLE =
      """
      requires:
        services:
          redis: tcp://localhost:6381
          api: http://localhost:8080/health
        commands: [codex, docker]
        env: [OPENAI_API_KEY]
        files: [.env, config/settings.toml]
        versions:
          python: ">=3.10"
          java: ">=21"
          pip:websockets: ">=14"
      """;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static ProjectConfig parse(String yaml) {
    return ProjectConfigs.parse(yaml, "evident.yaml");
  }

  @Test
  void readsEveryKindOfRequirementInTheOrderOfTheFile() {
    Requirements requires = parse(EXAMPLE).requires();

    assertThat(requires.services())
        .containsExactly(
            java.util.Map.entry("redis", "tcp://localhost:6381"),
            java.util.Map.entry("api", "http://localhost:8080/health"));
    assertThat(requires.commands()).containsExactly("codex", "docker");
    assertThat(requires.env()).containsExactly("OPENAI_API_KEY");
    assertThat(requires.files()).containsExactly(".env", "config/settings.toml");
    assertThat(requires.versions().keySet()).containsExactly("python", "java", "pip:websockets");
    assertThat(requires.versions().get("python")).hasToString(">=3.10");
    assertThat(requires.size()).isEqualTo(10);
  }

  @Test
  void anEmptyFileOrSectionRequiresNothing() {
    assertThat(parse("")).isEqualTo(ProjectConfig.EMPTY);
    assertThat(parse("# nothing yet\n")).isEqualTo(ProjectConfig.EMPTY);
    assertThat(parse("requires:\n")).isEqualTo(ProjectConfig.EMPTY);
    assertThat(parse("requires:\n  commands:\n").requires().isEmpty()).isTrue();
  }

  @Test
  void findsEvidentYamlFirstThenTheFileInDotEvident() throws IOException {
    assertThat(ProjectConfigs.load(dir, null)).isEmpty();

    write(".evident/config.yaml", "requires:\n  commands: [from-dot-evident]\n");
    ProjectConfigs.Loaded loaded = ProjectConfigs.load(dir, null).orElseThrow();
    assertThat(loaded.name()).isEqualTo(".evident/config.yaml");
    assertThat(loaded.config().requires().commands()).containsExactly("from-dot-evident");

    write("evident.yaml", "requires:\n  commands: [from-evident-yaml]\n");
    loaded = ProjectConfigs.load(dir, null).orElseThrow();
    assertThat(loaded.name()).isEqualTo("evident.yaml");
    assertThat(loaded.file()).isEqualTo(dir.resolve("evident.yaml"));
    assertThat(loaded.config().requires().commands()).containsExactly("from-evident-yaml");
  }

  @Test
  void anExplicitFileWinsAndMustExist() throws IOException {
    write("evident.yaml", "requires:\n  commands: [default]\n");
    Path other = write("ci/preflight.yaml", "requires:\n  commands: [explicit]\n");

    ProjectConfigs.Loaded loaded = ProjectConfigs.load(dir, other).orElseThrow();

    assertThat(loaded.config().requires().commands()).containsExactly("explicit");
    assertThat(loaded.name()).isEqualTo(Path.of("ci", "preflight.yaml").toString());
    assertThatThrownBy(() -> ProjectConfigs.load(dir, dir.resolve("missing.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cannot read config " + dir.resolve("missing.yaml") + ": no such file");
  }

  @Test
  void errorsInAFileFoundInTheWorkDirectoryNameItRelativeToIt() throws IOException {
    write(".evident/config.yaml", "requires:\n  comands: [codex]\n");

    assertThatThrownBy(() -> ProjectConfigs.load(dir, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            ".evident/config.yaml:2: unknown key 'comands' under requires; did you mean 'commands'?");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'requires:\\n  services:\\n    redis: tcp://localhost:6381\\n  servces: {}\\n' | evident.yaml:4: unknown key 'servces' under requires; did you mean 'services'?
          'require:\\n  commands: [codex]\\n' | evident.yaml:1: unknown key 'require'; did you mean 'requires'?
          'retries:\\n  max: 2\\n' | evident.yaml:1: unknown key 'retries'; known keys: requires, flaky, categories, gates, suites, prices
          'requires:\\n  services:\\n    redis: localhost:6381\\n' | evident.yaml:3: bad URL for service 'redis': 'localhost:6381'; write tcp://HOST:PORT or http(s)://HOST[:PORT]/PATH
          'requires:\\n  services:\\n    redis: tcp://localhost\\n' | evident.yaml:3: bad URL for service 'redis': 'tcp://localhost'; write tcp://HOST:PORT or http(s)://HOST[:PORT]/PATH
          'requires:\\n  services:\\n    api: ftp://host/x\\n' | evident.yaml:3: bad URL for service 'api': 'ftp://host/x'; write tcp://HOST:PORT or http(s)://HOST[:PORT]/PATH
          'requires:\\n\\n  versions:\\n    python: \">=three\"\\n' | evident.yaml:4: requires.versions.python: '>=three' is not a version constraint: write an operator (>=, >, <=, <, ==, !=) and a version, e.g. >=3.10,<4
          'requires:\\n  versions:\\n    java: 21\\n' | evident.yaml:3: requires.versions.java must be a version constraint in quotes, like \">=3.10\"; found the number 21
          'requires:\\n  versions:\\n    python: 3.10\\n' | evident.yaml:3: requires.versions.python must be a version constraint in quotes, like \">=3.10\"; found the number 3.10
          'requires:\\n  versions:\\n    pyton: \">=3\"\\n' | evident.yaml:3: unknown key 'pyton' under requires.versions; did you mean 'python'? (runtimes: python, java, node, go; packages: pip:NAME, npm:NAME)
          'requires:\\n  commands: codex\\n' | evident.yaml:2: requires.commands must be a list, like [codex, docker]; found text 'codex'
          'requires:\\n  files:\\n    - .env\\n    - {path: x}\\n' | evident.yaml:4: requires.files[2] must be a path; found a mapping
          'requires: [codex]\\n' | evident.yaml:1: requires must be a mapping, like services:, commands:, env:; found a list
          '- requires\\n' | evident.yaml:1: the file must be a mapping, like requires:; found a list
          'requires:\\n  env: [OPENAI_API_KEY=sk-123]\\n' | evident.yaml:2: requires.env[1]: write only the variable's name, not NAME=VALUE (values never belong in evident.yaml)
          'requires:\\n  env: [1PASSWORD]\\n' | evident.yaml:2: requires.env[1] is not a variable name (letters, digits and _, not starting with a digit)
          'requires:\\n  commands: [a]\\n  commands: [b]\\n' | evident.yaml:3: duplicate key 'commands' (first at line 2)
          'requires:\\n  versions:\\n    python: >=3.10\\n' | evident.yaml:3: invalid YAML: expected chomping or indentation indicators, but found =(61) (write values that start with > in quotes, like \">=3.10\")
          'requires:\\n  commands: [codex\\n' | evident.yaml:3: invalid YAML: expected ',' or ']', but got <stream end>
          'a: &x [1]\\nrequires:\\n  commands: *x\\n' | evident.yaml:3: aliases (*x) are not supported; write the value out
          'requires: {}\\n---\\nrequires: {}\\n' | evident.yaml:3: a second YAML document (after ---); evident.yaml holds one
          """)
  void errorsNameFileAndLineAndSayWhatIsWrong(String yaml, String message) {
    String text = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(ConfigException.class)
        .isInstanceOf(dev.evident.model.EvidentException.class)
        .hasMessage(message);
  }

  @Test
  void aValueNeverReachesTheMessageOfAnEnvError() {
    assertThatThrownBy(() -> parse("requires:\n  env: [OPENAI_API_KEY=sk-secret]\n"))
        .message()
        .doesNotContain("sk-secret");
  }

  @Test
  void suggestsOnlyKeysCloseEnoughToBeTypos() {
    List<String> known = List.of("services", "commands", "env", "files", "versions");
    assertThat(ConfigNode.nearest("servces", known)).contains("services");
    assertThat(ConfigNode.nearest("Files", known)).contains("files");
    assertThat(ConfigNode.nearest("database", known)).isEmpty();
  }
}
