package dev.evident.report;

import dev.evident.model.CategoryProgress;
import dev.evident.model.CategoryProgress.TargetCheck;
import dev.evident.model.Counts;
import dev.evident.model.ProgressReport;
import dev.evident.model.TestCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of {@code evident progress}, as maps and lists. */
public final class ProgressJson {

  private ProgressJson() {}

  public static Map<String, Object> of(ProgressReport report, String config) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", report.run().id());
    json.put("project", report.run().project());
    json.put("config", config);
    json.put("history", report.history().stream().map(r -> r.id()).toList());
    List<Object> categories = new ArrayList<>();
    for (CategoryProgress c : report.categories()) {
      categories.add(category(c));
    }
    json.put("categories", categories);
    json.put("uncategorised", category(report.uncategorised()));
    json.put("withTarget", report.withTarget());
    json.put("met", report.met());
    json.put("inSeveralCategories", report.inSeveral());
    return json;
  }

  private static Map<String, Object> category(CategoryProgress c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", c.name());
    if (c.category() != null) {
      json.put("match", match(c.category().match()));
      TestCategory.Target t = c.category().target();
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("tests", t.tests());
      target.put("passed", t.passed());
      target.put("passRate", t.passRate());
      json.put("target", t.isEmpty() ? null : target);
      json.put("met", c.hasTarget() ? c.met() : null);
      List<Object> checks = new ArrayList<>();
      for (TargetCheck check : c.checks()) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("kind", check.kind().name().toLowerCase(java.util.Locale.ROOT));
        k.put(
            "goal",
            check.kind() == TargetCheck.Kind.PASS_RATE
                ? check.goal()
                : (Object) (long) check.goal());
        k.put("actual", check.actual());
        k.put("of", check.of());
        k.put("met", check.met());
        checks.add(k);
      }
      json.put("checks", checks);
    }
    json.put("counts", counts(c.counts()));
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("passed", c.passed());
    rate.put("of", c.counts().collected());
    rate.put(
        "percent",
        c.counts().collected() == 0
            ? null
            : Math.round(1000.0 * c.passed() / c.counts().collected()) / 10.0);
    json.put("passRate", rate);
    List<Object> history = new ArrayList<>();
    for (CategoryProgress.RunCounts point : c.history()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("run", point.run());
      p.put("at", point.when() == null ? null : point.when().toString());
      p.put("counts", counts(point.counts()));
      history.add(p);
    }
    json.put("history", history);
    return json;
  }

  private static Map<String, Object> match(TestCategory.Match m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suite", m.suites());
    json.put("path", m.paths());
    json.put("tag", m.tags());
    json.put("property", m.properties());
    return json;
  }

  private static Map<String, Object> counts(Counts c) {
    return RunJson.counts(c);
  }
}
