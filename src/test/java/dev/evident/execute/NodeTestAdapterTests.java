package dev.evident.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTestAdapterTests {

  private final NodeTestAdapter adapter = new NodeTestAdapter();
  private final Path scratch = Path.of("/tmp/scratch");

  @Test
  void recognisesNodesBuiltInTestRunner() {
    assertThat(RunnerAdapters.detect(List.of("node", "--test"), List.of()).name())
        .isEqualTo("node-test");
    assertThat(RunnerAdapters.detect(List.of("/usr/bin/node", "--test", "test/"), List.of()).name())
        .isEqualTo("node-test");
    assertThat(adapter.handles(List.of("node", "server.js"))).isFalse();
  }

  @Test
  void addsATapReporterBesideTheSpecReporter() {
    Invocation invocation =
        adapter.prepare(List.of("node", "--test", "test/"), Path.of("."), scratch);

    assertThat(invocation.command())
        .containsExactly(
            "node",
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            "--test-reporter=tap",
            "--test-reporter-destination=/tmp/scratch/node-test.tap",
            "--test",
            "test/");
    assertThat(invocation.results())
        .containsExactly(new Invocation.ResultLocation(scratch, "node-test.tap"));
  }

  @Test
  void leavesTheUsersOwnReportersAlone() {
    List<String> command = List.of("node", "--test", "--test-reporter=dot");

    assertThat(adapter.prepare(command, Path.of("."), scratch).command()).isEqualTo(command);
  }
}
