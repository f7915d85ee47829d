package dev.evident.report;

import dev.evident.analyze.ProjectTrend;
import dev.evident.analyze.TestTrend;
import dev.evident.model.Counts;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of {@code evident trend}: every run of the window, oldest first. */
public final class TrendJson {

  private TrendJson() {}

  public static Map<String, Object> of(ProjectTrend t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("project", t.project());
    json.put("runCount", t.runs().size());
    json.put("wholeHistory", t.wholeHistory());
    List<Object> runs = new ArrayList<>();
    for (ProjectTrend.RunPoint p : t.runs()) {
      Map<String, Object> run = run(p.run());
      run.put("counts", RunJson.counts(p.run().counts()));
      run.put("testMicros", p.testMicros());
      runs.add(run);
    }
    json.put("runs", runs);
    Map<String, Object> total = new LinkedHashMap<>();
    Counts c = t.total();
    total.put("results", RunJson.counts(c));
    total.put("passedOrFlaky", c.passed() + c.flaky());
    total.put("executed", c.executed());
    Map<String, Object> statuses = new LinkedHashMap<>();
    t.statuses().forEach((status, n) -> statuses.put(status.name(), n));
    total.put("statuses", statuses);
    total.put("testMicros", t.totalMicros());
    json.put("total", total);
    List<Object> slowest = new ArrayList<>();
    for (ProjectTrend.SlowTest s : t.slowest()) {
      Map<String, Object> test = test(t.test(s.test()));
      test.put("totalMicros", s.totalMicros());
      test.put(
          "shareOfTestTime",
          t.totalMicros() == 0 ? null : (double) s.totalMicros() / t.totalMicros());
      test.put("runs", s.runs());
      test.put("meanMicros", s.meanMicros());
      test.put("maxMicros", s.maxMicros());
      slowest.add(test);
    }
    json.put("slowest", slowest);
    return json;
  }

  public static Map<String, Object> of(TestTrend t) {
    Map<String, Object> json = test(t.test());
    json.put("project", t.points().get(0).run().project());
    json.put("runCount", t.points().size());
    json.put("wholeHistory", t.wholeHistory());
    json.put("passed", t.passed());
    json.put("executed", t.executed());
    for (dev.evident.model.Outcome o : dev.evident.model.Outcome.values()) {
      json.put(o.name().toLowerCase(java.util.Locale.ROOT), t.count(o));
    }
    json.put("absent", t.absent());
    json.put("medianMicros", t.medianMicros() < 0 ? null : t.medianMicros());
    List<Object> runs = new ArrayList<>();
    for (TestTrend.Point p : t.points()) {
      Map<String, Object> run = run(p.run());
      run.put("outcome", p.outcome() == null ? null : p.outcome().name());
      run.put("micros", p.micros() < 0 ? null : p.micros());
      runs.add(run);
    }
    json.put("runs", runs);
    return json;
  }

  private static Map<String, Object> run(Run r) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("run", r.id());
    run.put("created", r.created().toString());
    run.put("status", r.status().name());
    String commit = r.attributes().getOrDefault("git.commit", r.labels().get("commit"));
    run.put("commit", commit);
    run.put("branch", r.branch());
    return run;
  }

  private static Map<String, Object> test(TestId id) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("test", id.toString());
    json.put("suite", id.suite());
    json.put("name", id.name());
    json.put("parameters", id.parameters());
    return json;
  }
}
