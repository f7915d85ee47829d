package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.GateReport;
import dev.evident.model.GateReport.Check;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A gate check as JSON maps and lists: the verdict, every rule with its numbers, the baseline. */
public final class GateJson {

  private GateJson() {}

  public static Map<String, Object> of(GateReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", report.run().id());
    json.put("project", report.run().project());
    json.put("status", report.run().status().name());
    json.put("passed", report.passed());
    if (report.baseline() != null) {
      Map<String, Object> baseline = new LinkedHashMap<>();
      baseline.put("run", report.baseline().run() == null ? null : report.baseline().run().id());
      baseline.put("how", report.baseline().how());
      json.put("baseline", baseline);
    }
    json.put("counted", counts(report.counted()));
    Map<String, Object> quarantined = counts(report.quarantined());
    quarantined.put("newFailures", report.quarantinedNewFailures());
    json.put("quarantined", quarantined);
    json.put("rules", report.checks().stream().map(c -> check(c, report)).toList());
    json.put("verdict", GateText.verdict(report));
    return json;
  }

  private static Map<String, Object> check(Check c, GateReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rule", c.rule().option());
    json.put(
        "limit",
        c.limit() instanceof BigDecimal rate
            ? rate.stripTrailingZeros().toPlainString() + "%"
            : c.limit());
    json.put("value", c.value());
    json.put(
        "of",
        switch (c.rule()) {
          case MIN_EXECUTED -> "collected";
          case NO_BROKEN -> null;
          default -> "executed";
        });
    json.put("denominator", c.rule() == GateReport.Rule.NO_BROKEN ? null : c.of());
    json.put("passed", c.passed());
    json.put("reason", GateText.line(c, report));
    if (!c.tests().isEmpty()) {
      json.put("tests", c.tests().stream().map(Object::toString).toList());
    }
    return json;
  }

  private static Map<String, Object> counts(Counts c) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (var e :
        List.of(
            Map.entry("collected", c.collected()),
            Map.entry("executed", c.executed()),
            Map.entry("passed", c.passed()),
            Map.entry("failed", c.failed()),
            Map.entry("errored", c.errored()),
            Map.entry("skipped", c.skipped()),
            Map.entry("flaky", c.flaky()))) {
      json.put(e.getKey(), e.getValue());
    }
    return json;
  }
}
