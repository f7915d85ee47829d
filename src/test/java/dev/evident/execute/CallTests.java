package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallTests {

  private static Call find(List<String> command, String program) {
    return Call.find(command, c -> c.program().equals(program)).orElseThrow();
  }

  @Test
  void insertsOptionsRightAfterTheProgramSoAUsersDoubleDashCannotSwallowThem() {
    var call = find(List.of("uv", "run", "pytest", "--", "tests/"), "pytest");

    assertThat(call.insert(0, List.of("-x")))
        .containsExactly("uv", "run", "pytest", "-x", "--", "tests/");
  }

  @Test
  void findsTheModuleOfPythonDashMAsTheProgram() {
    var call = find(List.of("python3", "-X", "dev", "-m", "pytest", "-q"), "pytest");

    assertThat(call.args()).containsExactly("-q");
    assertThat(call.insert(0, List.of("-x")))
        .containsExactly("python3", "-X", "dev", "-m", "pytest", "-x", "-q");
  }

  @Test
  void splicesQuotedOptionsIntoAShellScriptAfterTheRunnersWord() {
    var command = List.of("bash", "-c", "cd app && pytest -q tests 2>&1 | tee log.txt");
    var call = find(command, "pytest");

    assertThat(call.args()).containsExactly("-q", "tests");
    assertThat(call.pipedOut()).isTrue();
    assertThat(call.insert(0, List.of("--junitxml=/tmp/my results/r.xml", "-o", "a=b")))
        .containsExactly(
            "bash",
            "-c",
            "cd app && pytest '--junitxml=/tmp/my results/r.xml' -o a=b -q tests 2>&1 | tee log.txt");
  }

  @Test
  void appendsAtTheEndOfTheRunnersSimpleCommandInAScript() {
    var call = find(List.of("sh", "-c", "npm ci; npm test > out.txt; echo done"), "npm");

    assertThat(call.args()).containsExactly("ci");
    var test =
        Call.find(
                List.of("sh", "-c", "npm ci; npm test > out.txt; echo done"),
                c -> c.args().contains("test"))
            .orElseThrow();
    assertThat(test.append(List.of("--", "--ci")))
        .containsExactly("sh", "-c", "npm ci; npm test -- --ci > out.txt; echo done");
  }

  @Test
  void readsQuotedWordsInScriptsWithoutTheirQuotes() {
    var call =
        find(List.of("sh", "-c", "FOO=\"a b\" pytest -k 'cart and not slow' \"tests/\""), "pytest");

    assertThat(call.args()).containsExactly("-k", "cart and not slow", "tests/");
  }

  @Test
  void seesTheLastCommandOfAnNpmScript() {
    var last = Call.last("tsc -p . && NODE_ENV=test jest --coverage").orElseThrow();

    assertThat(last.program()).isEqualTo("jest");
    assertThat(last.args()).containsExactly("--coverage");
  }

  @Test
  void namesProgramsWithoutDirectoriesOrWindowsAndJavaScriptExtensions() {
    assertThat(Call.name("C:\\tools\\mvn.cmd")).isEqualTo("mvn");
    assertThat(Call.name("./gradlew.bat")).isEqualTo("gradlew");
    assertThat(Call.name("node_modules/vitest/vitest.mjs")).isEqualTo("vitest");
    assertThat(Call.name("/usr/bin/python3.12")).isEqualTo("python3.12");
  }

  @Test
  void findsNothingInAnEmptyCommand() {
    assertThat(Call.find(List.of(), c -> true)).isEmpty();
  }
}
