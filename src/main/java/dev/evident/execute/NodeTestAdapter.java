package dev.evident.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node's built-in test runner ({@code node --test}): a TAP reporter writing to the scratch
 * directory is added beside the spec reporter on stdout ({@code --test-reporter=tap
 * --test-reporter-destination=...}), so the person sees the usual output and Evident reads every
 * test, subtest and failure. When the user names reporters, the command runs as given and the
 * console summary ("# tests 4 / # pass 3 ...") gives the counts.
 */
final class NodeTestAdapter implements RunnerAdapter {

  static final String REPORT = "node-test.tap";

  @Override
  public String name() {
    return "node-test";
  }

  @Override
  public boolean handles(List<String> command) {
    return Call.find(command, NodeTestAdapter::isNodeTest).isPresent();
  }

  private static boolean isNodeTest(Call call) {
    return (call.program().equals("node") || call.program().equals("nodejs"))
        && call.args().contains("--test");
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    Call call = Call.find(command, NodeTestAdapter::isNodeTest).orElseThrow();
    if (call.args().stream().anyMatch(a -> a.startsWith("--test-reporter"))) {
      return new Invocation(command, Map.of(), List.of(), false, null, name());
    }
    List<String> options =
        List.of(
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            "--test-reporter=tap",
            "--test-reporter-destination=" + scratch.resolve(REPORT));
    return new Invocation(
        call.insert(0, options),
        Map.of(),
        List.of(new Invocation.ResultLocation(scratch, REPORT)),
        false,
        null,
        name());
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    return ConsoleShapes.summarize(outputTail);
  }

  @Override
  public ProgressCounter progress() {
    return ConsoleShapes.tapProgress();
  }
}
