package dev.evident.report;

import dev.evident.model.Run;
import dev.evident.model.SuspectReport;
import dev.evident.model.Suspicion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of {@code evident suspicious}, as maps and lists. */
public final class SuspectJson {

  private SuspectJson() {}

  public static Map<String, Object> of(SuspectReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", report.run().id());
    json.put("project", report.run().project());
    List<Run> history = report.history();
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("runs", history.size());
    window.put("firstRun", history.get(history.size() - 1).id());
    window.put("lastRun", history.get(0).id());
    json.put("history", window);
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Suspicion.Kind kind : Suspicion.Kind.values()) {
      counts.put(kind.id(), report.count(kind));
    }
    json.put("counts", counts);
    List<Object> flags = new ArrayList<>();
    for (Suspicion s : report.suspicions()) {
      Map<String, Object> flag = new LinkedHashMap<>();
      flag.put("kind", s.kind().id());
      flag.put("suite", s.suite().isEmpty() && s.test() == null ? null : s.suite());
      if (s.test() != null) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("suite", s.test().suite());
        test.put("name", s.test().name());
        test.put("parameters", s.test().parameters());
        flag.put("test", test);
      } else {
        flag.put("test", null);
      }
      flag.put("reason", s.reason());
      flag.put("figures", s.figures());
      flags.add(flag);
    }
    json.put("suspicious", flags);
    json.put("notes", report.notes());
    return json;
  }
}
