package dev.evident.execute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Any command: results are the files the user names with {@code --results GLOB} (relative to the
 * work dir), possibly none. The command runs unchanged; console summaries, progress and reasons are
 * whatever any known runner's shapes (and TAP, Mocha, node:test) find in the output, since a {@code
 * make test} may run any of them.
 */
final class GenericAdapter implements RunnerAdapter {

  private final List<String> globs;
  private final List<RunnerAdapter> known;

  GenericAdapter(List<String> globs, List<RunnerAdapter> known) {
    this.globs = List.copyOf(globs);
    this.known = List.copyOf(known);
  }

  @Override
  public String name() {
    return "generic";
  }

  @Override
  public boolean handles(List<String> command) {
    return true;
  }

  @Override
  public Invocation prepare(List<String> command, Path workDir, Path scratch) {
    var results = globs.stream().map(glob -> Glob.location(workDir, glob)).toList();
    return new Invocation(command, Map.of(), results, false, null, name());
  }

  @Override
  public Optional<ConsoleSummary> summarize(List<String> outputTail) {
    for (RunnerAdapter adapter : known) {
      var summary = adapter.summarize(outputTail);
      if (summary.isPresent()) {
        return summary;
      }
    }
    return ConsoleShapes.summarize(outputTail);
  }

  @Override
  public ProgressCounter progress() {
    var counters = new ArrayList<ProgressCounter>();
    known.forEach(adapter -> counters.add(adapter.progress()));
    counters.add(ConsoleShapes.tapProgress());
    return ConsoleShapes.firstCounting(counters);
  }

  @Override
  public Optional<String> whyBroken(List<String> outputTail) {
    for (RunnerAdapter adapter : known) {
      var reason = adapter.whyBroken(outputTail);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }
}
