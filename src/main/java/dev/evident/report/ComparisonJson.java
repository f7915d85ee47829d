package dev.evident.report;

import dev.evident.analyze.Bucket;
import dev.evident.analyze.Comparison;
import dev.evident.analyze.RunComparison;
import dev.evident.analyze.TestChange;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code evident compare}: both runs, their counts, the duration rule, and every test
 * of every bucket (the text lists only the first few).
 */
public final class ComparisonJson {

  private ComparisonJson() {}

  public static Map<String, Object> of(RunComparison rc) {
    Comparison c = rc.comparison();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("base", RunJson.run(rc.base()));
    json.put("head", RunJson.run(rc.head()));
    json.put("acrossProjects", rc.acrossProjects());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("base", RunJson.counts(c.base()));
    counts.put("head", RunJson.counts(c.head()));
    json.put("counts", counts);
    Map<String, Object> time = new LinkedHashMap<>();
    time.put("baseMicros", c.baseMicros());
    time.put("headMicros", c.headMicros());
    json.put("testTime", time);
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("factor", c.rule().factor());
    rule.put("floorMicros", c.rule().floorMicros());
    json.put("durationRule", rule);
    Map<String, Object> sizes = new LinkedHashMap<>();
    Map<String, Object> buckets = new LinkedHashMap<>();
    for (Bucket b : Bucket.values()) {
      sizes.put(b.key(), c.tests(b).size());
      List<Object> tests = new ArrayList<>();
      for (TestChange t : rc.ordered(b)) {
        tests.add(test(rc.test(t.test()), t));
      }
      buckets.put(b.key(), tests);
    }
    json.put("summary", sizes);
    json.put("buckets", buckets);
    return json;
  }

  private static Map<String, Object> test(TestId id, TestChange t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("test", id.toString());
    json.put("suite", id.suite());
    json.put("name", id.name());
    json.put("parameters", id.parameters());
    json.put("base", t.before() == null ? null : t.before().name());
    json.put("head", t.after() == null ? null : t.after().name());
    json.put("baseMicros", t.beforeMicros() < 0 ? null : t.beforeMicros());
    json.put("headMicros", t.afterMicros() < 0 ? null : t.afterMicros());
    return json;
  }
}
