package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code evident run} of real runners: pytest, Maven, Node's test runner. */
class RunnerRunTests extends RunCommandFixture {

  @Test
  void aFailingPytestSuiteIsFailedWithItsFailureAndExitsOne() throws IOException {
    Path project = fixture("pytest-mixed");

    int code = pytest(project);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAILED: 1 of 3 executed tests failed")
        .contains("test_cart > test_totals")
        .contains("the total is off");
    assertThat(err.toString()).contains("exit 1: the results contain failures or errors");
    out.getBuffer().setLength(0);
    assertThat(evident("show", "latest", "--json")).isEqualTo(1);
    assertThat(json().get("attributes").get("runtime.python").asText())
        .as("written by Evident's pytest plugin")
        .startsWith("Python 3.");
  }

  @Test
  void aCollectionErrorIsBrokenAndSaysWhy() throws IOException {
    Path project = fixture("pytest-broken");

    int code = pytest(project, "--json");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("BROKEN");
    assertThat(run.get("counts").get("executed").asLong()).isZero();
    assertThat(run.get("runErrors").toString()).contains("evident_no_such_module_xyz");
  }

  @Test
  void zeroTestsIsEmptyNeverPassed() throws IOException {
    Path project = fixture("pytest-empty");

    int code = pytest(project);

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("EMPTY: no tests found; nothing executed");
    assertThat(err.toString()).contains("nothing executed");
    out.getBuffer().setLength(0);
    assertThat(pytest(project, "--allow-empty")).isZero();
  }

  @Test
  void aPytestRunStoppedByItsTimeoutKeepsTheTestsThatEnded() throws IOException {
    Path project = fixture("pytest-hangs");

    // pytest's own writer writes at the end, which a stopped run never reaches: the two tests
    // that ended come from Evident's writer, which `evident run` installs for pytest.
    int code = pytest(project, "--timeout", "8s", "--json");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(run.get("counts").get("passed").asLong()).isEqualTo(1);
    assertThat(run.get("counts").get("failed").asLong()).isEqualTo(1);
  }

  @Test
  void aMavenProjectIsReadFromItsSurefireReports() throws IOException {
    Path project = fixture("maven-calc");
    String mvnw = Path.of("mvnw").toAbsolutePath().toString();

    int code =
        evident(
            "run",
            "-C",
            project.toString(),
            "--quiet",
            "--json",
            "--",
            mvnw,
            "-o",
            "-q",
            "-B",
            "test");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("counts").get("executed").asLong()).isEqualTo(2);
    assertThat(run.get("counts").get("failed").asLong()).isEqualTo(1);
    assertThat(run.get("attributes").get("runner").asText()).isEqualTo("maven");
  }

  @Test
  void nodesBuiltInTestRunnerIsReadFromItsTapReport() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        onPath("node"), "node is not installed here: the node:test run is not exercised");
    Files.writeString(
        dir.resolve("cart.test.mjs"),
        """
        import test from 'node:test';
        import assert from 'node:assert';
        test('adds an item', () => { assert.strictEqual(1 + 1, 2); });
        test('totals', () => { assert.strictEqual(1 + 2, 4); });
        """);

    int code = evident("run", "-C", dir.toString(), "--quiet", "--json", "--", "node", "--test");

    assertThat(code).isEqualTo(1);
    JsonNode run = json();
    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("attributes").get("runner").asText()).isEqualTo("node-test");
    assertThat(run.get("failures").get(0).get("name").asText()).isEqualTo("totals");
    assertThat(run.get("problems")).isEmpty();
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  /** {@code evident run -C project OPTIONS -- python3 -m pytest -p no:cacheprovider}. */
  private int pytest(Path project, String... options) {
    List<String> args = new ArrayList<>(List.of("run", "-C", project.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--", "python3", "-m", "pytest", "-p", "no:cacheprovider"));
    return evident(args.toArray(String[]::new));
  }
}
