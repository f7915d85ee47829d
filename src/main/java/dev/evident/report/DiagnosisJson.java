package dev.evident.report;

import dev.evident.model.CauseGroup;
import dev.evident.model.Diagnosis;
import dev.evident.model.RunDiagnosis;
import dev.evident.model.RunQuarantine;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a diagnosis, as maps and lists. */
public final class DiagnosisJson {

  private DiagnosisJson() {}

  public static Map<String, Object> of(RunDiagnosis d) {
    return of(d, RunQuarantine.NONE);
  }

  /**
   * With the quarantined tests among the failures: {@code "quarantined": [{"test", "reason"}]}, and
   * {@code "quarantined": true} on a group's listed test that is.
   */
  public static Map<String, Object> of(RunDiagnosis d, RunQuarantine quarantine) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", d.run().id());
    json.put("project", d.run().project());
    json.put("status", d.run().status().name());
    json.put("failures", d.failures());
    json.put("environmentProblem", d.environment().isEmpty() ? null : d.environment());
    List<Object> groups = new ArrayList<>();
    for (CauseGroup g : d.groups()) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("id", g.id());
      group.putAll(diagnosis(g.diagnosis()));
      group.put("message", g.message());
      group.put("count", g.count());
      List<Object> tests = new ArrayList<>();
      for (TestId t : g.tests()) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("suite", t.suite());
        test.put("name", t.name());
        test.put("parameters", t.parameters());
        if (quarantine.reasons().containsKey(t)) {
          test.put("quarantined", true);
        }
        tests.add(test);
      }
      group.put("tests", tests);
      if (g.seen() != null) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("firstRun", g.seen().firstRun());
        seen.put("firstSeen", g.seen().firstSeen().toString());
        seen.put("lastRun", g.seen().lastRun());
        seen.put("lastSeen", g.seen().lastSeen().toString());
        seen.put("runs", g.seen().runs());
        group.put("seenBefore", seen);
      }
      if (g.label() != null) {
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("cause", g.label().cause().id());
        label.put("note", g.label().note());
        label.put("source", g.labelSource());
        group.put("label", label);
      }
      groups.add(group);
    }
    json.put("groups", groups);
    List<Object> errors = new ArrayList<>();
    for (RunDiagnosis.DiagnosedError e : d.runErrors()) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("kind", e.error().kind().name());
      error.put("scope", e.error().scope());
      error.put("message", e.error().failure().firstLine());
      error.putAll(diagnosis(e.diagnosis()));
      errors.add(error);
    }
    json.put("runErrors", errors);
    List<Object> steps = new ArrayList<>();
    for (RunDiagnosis.NextStep s : d.nextSteps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("action", s.action());
      step.put("tests", s.tests() < 0 ? null : s.tests());
      step.put("blocksRun", s.tests() < 0);
      step.put("blocked", s.blocked());
      step.put("groups", s.groups());
      steps.add(step);
    }
    json.put("nextSteps", steps);
    List<Object> quarantined = new ArrayList<>();
    quarantine.reasons().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TestId::toString)))
        .forEach(
            e -> quarantined.add(Map.of("test", e.getKey().toString(), "reason", e.getValue())));
    json.put("quarantined", quarantined);
    return json;
  }

  private static Map<String, Object> diagnosis(Diagnosis d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("category", d.category().id());
    json.put("group", d.category().group().name().toLowerCase(java.util.Locale.ROOT));
    json.put("confidence", d.confidence());
    json.put("evidence", d.evidence());
    json.put("entities", d.entities());
    json.put("remediation", d.remediation());
    json.put("rule", d.rule());
    return json;
  }
}
