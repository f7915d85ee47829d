package dev.evident.analyze;

import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs' results compared test by test: the counts of each side (from the results themselves)
 * and every test that changed, by {@link Bucket}. Pure: built from two {@link RunResults} whose
 * test keys identify the same test in both.
 *
 * @param base the counts of the base run
 * @param head the counts of the head run
 * @param baseMicros the sum of the base's known test durations
 * @param headMicros the sum of the head's known test durations
 * @param rule the rule that decided slower and faster
 * @param buckets every bucket (empty ones included), its tests ordered by key, slower and faster by
 *     the size of the change, biggest first
 */
public record Comparison(
    Counts base,
    Counts head,
    long baseMicros,
    long headMicros,
    DurationRule rule,
    Map<Bucket, List<TestChange>> buckets) {

  public Comparison {
    Map<Bucket, List<TestChange>> copy = new EnumMap<>(Bucket.class);
    for (Bucket b : Bucket.values()) {
      copy.put(b, List.copyOf(buckets.getOrDefault(b, List.of())));
    }
    buckets = java.util.Collections.unmodifiableMap(copy);
  }

  /** The tests of one bucket. */
  public List<TestChange> tests(Bucket bucket) {
    return buckets.get(bucket);
  }

  /** Compares two runs' results with the default duration rule. */
  public static Comparison of(RunResults base, RunResults head) {
    return of(base, head, DurationRule.DEFAULT);
  }

  /** Compares two runs' results: a merge of the two, in one pass over both. */
  public static Comparison of(RunResults base, RunResults head, DurationRule rule) {
    Map<Bucket, List<TestChange>> buckets = new EnumMap<>(Bucket.class);
    for (Bucket b : Bucket.values()) {
      buckets.put(b, new ArrayList<>());
    }
    int i = 0;
    int j = 0;
    while (i < base.size() || j < head.size()) {
      long bt = i < base.size() ? base.test(i) : Long.MAX_VALUE;
      long ht = j < head.size() ? head.test(j) : Long.MAX_VALUE;
      TestChange change;
      if (j >= head.size() || (i < base.size() && bt < ht)) {
        change = new TestChange(bt, base.outcome(i), null, base.micros(i), -1);
        i++;
      } else if (i >= base.size() || ht < bt) {
        change = new TestChange(ht, null, head.outcome(j), -1, head.micros(j));
        j++;
      } else {
        change =
            new TestChange(bt, base.outcome(i), head.outcome(j), base.micros(i), head.micros(j));
        i++;
        j++;
      }
      classify(change, rule, buckets);
    }
    Comparator<TestChange> bigger = Comparator.comparingLong(c -> -Math.abs(c.deltaMicros()));
    buckets.get(Bucket.SLOWER).sort(bigger.thenComparingLong(TestChange::test));
    buckets.get(Bucket.FASTER).sort(bigger.thenComparingLong(TestChange::test));
    return new Comparison(
        base.counts(), head.counts(), base.totalMicros(), head.totalMicros(), rule, buckets);
  }

  /** The buckets of one test; see {@link Bucket} for their definitions. */
  static void classify(TestChange c, DurationRule rule, Map<Bucket, List<TestChange>> buckets) {
    Outcome before = c.before();
    Outcome after = c.after();
    if (after == null) {
      buckets.get(Bucket.REMOVED).add(c);
      return;
    }
    if (before == null) {
      buckets.get(Bucket.NEW_TEST).add(c);
    }
    boolean failedBefore = before != null && before.broken();
    if (after.broken()) {
      buckets.get(failedBefore ? Bucket.STILL_FAILING : Bucket.NEW_FAILURE).add(c);
    } else if (failedBefore && (after == Outcome.PASSED || after == Outcome.FLAKY)) {
      buckets.get(Bucket.FIXED).add(c);
    }
    if (before != null && before != Outcome.SKIPPED && after == Outcome.SKIPPED) {
      buckets.get(Bucket.NEWLY_SKIPPED).add(c);
    }
    if (before == Outcome.SKIPPED && after != Outcome.SKIPPED) {
      buckets.get(Bucket.NO_LONGER_SKIPPED).add(c);
    }
    if (after == Outcome.FLAKY) {
      buckets.get(Bucket.FLAKY).add(c);
    }
    if (before == Outcome.PASSED && after == Outcome.PASSED) {
      if (rule.slower(c.beforeMicros(), c.afterMicros())) {
        buckets.get(Bucket.SLOWER).add(c);
      } else if (rule.faster(c.beforeMicros(), c.afterMicros())) {
        buckets.get(Bucket.FASTER).add(c);
      }
    }
  }
}
