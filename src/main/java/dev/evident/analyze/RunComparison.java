package dev.evident.analyze;

import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A comparison of two stored runs, with what a report needs beside it.
 *
 * @param base the run compared against
 * @param head the run compared
 * @param comparison the comparison of their results
 * @param tests the identity of every test in a bucket, by key
 * @param acrossProjects whether the runs are of different projects (tests matched by identity)
 */
public record RunComparison(
    Run base, Run head, Comparison comparison, Map<Long, TestId> tests, boolean acrossProjects) {

  public RunComparison {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(comparison, "comparison");
    tests = Map.copyOf(tests);
  }

  /**
   * The tests of a bucket as reports list them: by name, except slower and faster, which come by
   * the size of the change, biggest first.
   */
  public List<TestChange> ordered(Bucket bucket) {
    List<TestChange> tests = comparison.tests(bucket);
    if (bucket == Bucket.SLOWER || bucket == Bucket.FASTER) {
      return tests;
    }
    // Each name is built once, not once per comparison of the sort.
    return tests.stream()
        .map(t -> Map.entry(test(t.test()).toString(), t))
        .sorted(
            Map.Entry.<String, TestChange>comparingByKey()
                .thenComparingLong(e -> e.getValue().test()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** The identity of a test of the comparison; a placeholder when the store had no name. */
  public TestId test(long key) {
    TestId id = tests.get(key);
    return id != null ? id : new TestId("", "test #" + key);
  }
}
