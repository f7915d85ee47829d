package dev.evident.analyze;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunStatus;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs of one project held in memory, answering the history analyses' queries as a store would:
 * each test gets a ref when first seen, and runs are numbered from 1.
 */
final class RunsInMemory implements StoredResults {

  private record Result(long ref, Outcome outcome, long micros) {}

  private final Map<TestId, Long> refs = new LinkedHashMap<>();
  private final Map<Long, TestId> ids = new HashMap<>();
  private final Map<Long, List<Result>> results = new HashMap<>();
  private final Map<Long, Map<Long, TestFacts>> facts = new HashMap<>();
  private final List<Run> runs = new ArrayList<>();

  /** The results of one run being added. */
  final class RunBuilder {
    private final long id = runs.size() + 1;
    private final List<Result> added = new ArrayList<>();
    private final Map<Long, TestFacts> addedFacts = new HashMap<>();
    private Counts counts = Counts.ZERO;

    RunBuilder test(String suite, String name, Outcome outcome, long micros) {
      return test(suite, name, outcome, micros, TestFacts.NONE);
    }

    RunBuilder test(String suite, String name, Outcome outcome, long micros, TestFacts f) {
      long ref = refs.computeIfAbsent(new TestId(suite, name), k -> (long) refs.size() + 100);
      ids.put(ref, new TestId(suite, name));
      added.add(new Result(ref, outcome, micros));
      if (!f.equals(TestFacts.NONE)) {
        addedFacts.put(ref, f);
      }
      counts = counts.plus(outcome, 1);
      return this;
    }

    /** {@code n} tests {@code prefix0..} of a suite with one outcome. */
    RunBuilder tests(String suite, String prefix, int n, Outcome outcome) {
      for (int i = 0; i < n; i++) {
        test(suite, prefix + i, outcome, 5_000);
      }
      return this;
    }

    Run add() {
      results.put(id, added);
      facts.put(id, addedFacts);
      RunStatus status =
          counts.executed() == 0
              ? RunStatus.EMPTY
              : counts.failed() + counts.errored() > 0 ? RunStatus.FAILED : RunStatus.PASSED;
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600 * id);
      Run run =
          new Run(
              id, "shop", "ingest", at, at, at, status, "", null, Map.of(), Map.of(), counts, 0, 0);
      runs.add(run);
      return run;
    }
  }

  RunBuilder run() {
    return new RunBuilder();
  }

  /** The newest {@code n} runs, newest first, as the store's runsUpTo gives them. */
  List<Run> newest(int n) {
    List<Run> newest = new ArrayList<>(runs.reversed());
    return newest.subList(0, Math.min(n, newest.size()));
  }

  @Override
  public void results(long runId, ResultVisitor visitor) {
    for (Result r : results.getOrDefault(runId, List.of())) {
      visitor.accept(r.ref(), r.outcome(), r.micros());
    }
  }

  @Override
  public Map<Long, TestId> tests(Collection<Long> wanted) {
    Map<Long, TestId> found = new HashMap<>();
    for (long ref : wanted) {
      if (ids.containsKey(ref)) {
        found.put(ref, ids.get(ref));
      }
    }
    return found;
  }

  @Override
  public void facts(long runId, FactsVisitor visitor) {
    facts.getOrDefault(runId, Map.of()).forEach(visitor::accept);
  }
}
