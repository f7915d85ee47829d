package dev.evident.service;

import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.report.StatusReport.TimedTest;
import dev.evident.store.ResultStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One pass over every result of a run for a report: the slowest tests, the flaky ones, and how much
 * of the run's time is known. Bounded memory: a heap of the slowest few.
 *
 * @param slowest the slowest tests, slowest first
 * @param flaky the tests that failed, then passed on a rerun, by name
 * @param totalMicros the sum of the known durations of executed tests
 * @param timed how many executed tests have a known duration
 */
record RunScan(List<TimedTest> slowest, List<String> flaky, long totalMicros, long timed) {

  /** Slowest tests kept. */
  static final int SLOWEST = 50;

  private record Timed(long ref, long micros, Outcome outcome) {}

  static RunScan of(ResultStore store, Run run) {
    Comparator<Timed> faster = Comparator.comparingLong(Timed::micros).thenComparing(t -> -t.ref());
    PriorityQueue<Timed> heap = new PriorityQueue<>(faster);
    List<Long> flaky = new ArrayList<>();
    long[] sums = new long[2];
    store.results(
        run.id(),
        (ref, outcome, micros) -> {
          if (outcome == Outcome.FLAKY) {
            flaky.add(ref);
          }
          if (outcome == Outcome.SKIPPED || micros < 0) {
            return;
          }
          sums[0] += micros;
          sums[1]++;
          if (heap.size() < SLOWEST) {
            heap.add(new Timed(ref, micros, outcome));
          } else if (micros > heap.peek().micros()) {
            heap.poll();
            heap.add(new Timed(ref, micros, outcome));
          }
        });
    List<Timed> slow = new ArrayList<>(heap);
    slow.sort(faster.reversed());
    List<Long> refs = new ArrayList<>(flaky);
    slow.forEach(t -> refs.add(t.ref()));
    Map<Long, TestId> names = refs.isEmpty() ? Map.of() : store.tests(refs);
    List<TimedTest> slowest =
        slow.stream()
            .map(t -> new TimedTest(name(names, t.ref()), t.micros(), t.outcome()))
            .toList();
    List<String> flakyNames = flaky.stream().map(r -> name(names, r)).sorted().toList();
    return new RunScan(slowest, flakyNames, sums[0], sums[1]);
  }

  private static String name(Map<Long, TestId> names, long ref) {
    TestId id = names.get(ref);
    return id == null ? "test #" + ref : id.toString();
  }
}
