package dev.evident.mcp;

import dev.evident.model.CauseGroup;
import dev.evident.model.Run;
import dev.evident.model.RunDiagnosis;
import dev.evident.service.RunQueries;
import dev.evident.service.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run with its top causes, as get_run returns it. Diagnoses run one at a time: the workspace's
 * classifier and failure history are shared and not made for concurrent use.
 */
final class Causes {

  private final Workspace workspace;

  Causes(Workspace workspace) {
    this.workspace = workspace;
  }

  /** A result with every field get_run promises, for a run not stored (yet). */
  static Map<String, Object> empty(String handle, String status, boolean done) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("handle", handle);
    out.put("status", status);
    out.put("done", done);
    out.put("message", "");
    out.put("run", null);
    out.put("progress", null);
    out.put("failures", 0);
    out.put("topCauses", List.of());
    out.put("nextSteps", List.of());
    return out;
  }

  /** A stored run with its top causes; {@code handle} the one it was asked by, or null. */
  Map<String, Object> describe(Run run, String handle, int maxCauses) {
    Map<String, Object> out = empty(handle, run.status().name(), true);
    out.put("message", RunQueries.statusLine(run));
    out.put("run", RunQueries.json(run));
    if (run.counts().failed() + run.counts().errored() + run.counts().flaky() + run.runErrors()
        == 0) {
      return out;
    }
    RunDiagnosis d = workspace.diagnosing(() -> workspace.diagnoses().diagnose(run, 0, false));
    out.put("failures", d.failures());
    List<Object> top = new ArrayList<>();
    for (CauseGroup g : d.groups().subList(0, Math.min(maxCauses, d.groups().size()))) {
      top.add(cause(g));
    }
    out.put("topCauses", top);
    List<Object> steps = new ArrayList<>();
    for (RunDiagnosis.NextStep s :
        d.nextSteps().subList(0, Math.min(maxCauses, d.nextSteps().size()))) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("action", s.action());
      step.put("tests", s.tests() < 0 ? null : s.tests());
      steps.add(step);
    }
    out.put("nextSteps", steps);
    return out;
  }

  static Map<String, Object> cause(CauseGroup g) {
    Map<String, Object> cause = new LinkedHashMap<>();
    cause.put("id", g.id());
    cause.put("category", g.diagnosis().category().id());
    cause.put("group", g.diagnosis().category().group().name().toLowerCase(java.util.Locale.ROOT));
    cause.put("count", g.count());
    cause.put("evidence", g.diagnosis().evidence());
    cause.put("remediation", g.diagnosis().remediation());
    return cause;
  }
}
