package dev.evident.report;

import dev.evident.model.FlakinessReport;
import dev.evident.model.FlakySettings;
import dev.evident.model.TestFlakiness;
import dev.evident.model.TestFlakiness.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of {@code evident flaky --json}, as plain maps and lists. */
public final class FlakyJson {

  private FlakyJson() {}

  /** Flaky and recovered tests always; watched ones with {@code all}. */
  public static Map<String, Object> of(FlakinessReport r, boolean all) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("project", r.project());
    FlakySettings s = r.settings();
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("runs", r.runs().size());
    window.put("first", r.runs().isEmpty() ? null : r.runs().getFirst());
    window.put("last", r.runs().isEmpty() ? null : r.runs().getLast());
    json.put("window", window);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("window", s.window());
    settings.put("minRuns", s.minRuns());
    settings.put("threshold", s.threshold());
    settings.put("recoveryRuns", s.recoveryRuns());
    settings.put("outageShare", s.outageShare());
    json.put("settings", settings);
    List<Object> outages = new ArrayList<>();
    for (FlakinessReport.Outage o : r.outages()) {
      Map<String, Object> outage = new LinkedHashMap<>();
      outage.put("run", o.run());
      outage.put("failed", o.failed());
      outage.put("executed", o.executed());
      outage.put("sharedCause", o.sharedCause());
      outage.put("cause", o.cause());
      outages.add(outage);
    }
    json.put("outages", outages);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("tests", r.total());
    counts.put("withVerdict", r.total() - r.count(Verdict.TOO_FEW_RUNS));
    for (Verdict v : Verdict.values()) {
      counts.put(camel(v), r.count(v));
    }
    json.put("counts", counts);
    json.put("flaky", tests(r.with(Verdict.FLAKY)));
    json.put("recovered", tests(r.with(Verdict.RECOVERED)));
    if (all) {
      json.put("watch", tests(r.with(Verdict.WATCH)));
    }
    return json;
  }

  private static List<Object> tests(List<TestFlakiness> tests) {
    List<Object> list = new ArrayList<>();
    for (TestFlakiness t : tests) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("test", t.test().toString());
      test.put("suite", t.test().suite());
      test.put("name", t.test().name());
      test.put("parameters", t.test().parameters());
      test.put("verdict", t.verdict().name());
      test.put("score", Math.round(t.score() * 1000) / 1000.0);
      test.put("reasons", t.reasons());
      test.put("runs", t.runs());
      test.put("reruns", t.reruns());
      test.put("flips", t.flips());
      test.put("commitFlips", t.commitFlips());
      test.put("commitPairs", t.commitPairs());
      test.put("flipCommits", t.flipCommits());
      test.put("topCommit", t.topCommit().isEmpty() ? null : t.topCommit());
      test.put("outageFailures", t.outageFailures());
      test.put("lastSeenRun", t.lastSeen() == 0 ? null : t.lastSeen());
      test.put("lastSeenAt", t.lastSeenAt() == null ? null : t.lastSeenAt().toString());
      test.put("consistentRuns", t.consistent());
      test.put("consistentSince", t.consistentSince() == 0 ? null : t.consistentSince());
      test.put("failing", t.failing());
      test.put("quarantined", t.quarantine());
      list.add(test);
    }
    return list;
  }

  private static String camel(Verdict v) {
    String[] words = v.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder s = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return s.toString();
  }
}
