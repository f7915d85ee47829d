package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.Failure;
import dev.evident.model.InputFile;
import dev.evident.model.Problem;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunError;
import dev.evident.model.RunQuarantine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of runs, as plain maps and lists for any JSON writer. Field names are part of
 * Evident's interface: {@code run}, {@code status}, {@code counts}, {@code problems} (with {@code
 * file}, {@code line}, {@code message}) are stable.
 */
public final class RunJson {

  private RunJson() {}

  public static Map<String, Object> run(Run run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", run.id());
    json.put("project", run.project());
    json.put("source", run.source());
    json.put("status", run.status().name());
    json.put("summary", StatusLine.of(run));
    json.put("created", run.created().toString());
    json.put("started", run.started() == null ? null : run.started().toString());
    json.put("finished", run.finished() == null ? null : run.finished().toString());
    json.put("counts", counts(run.counts()));
    json.put("runErrors", run.runErrors());
    json.put("problemCount", run.problems());
    json.put("labels", run.labels());
    json.put("attributes", run.attributes());
    if (!run.command().isEmpty()) {
      json.put("command", run.command());
    }
    if (run.exitCode() != null) {
      json.put("exitCode", run.exitCode());
    }
    return json;
  }

  public static Map<String, Object> counts(Counts c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("collected", c.collected());
    json.put("executed", c.executed());
    json.put("passed", c.passed());
    json.put("failed", c.failed());
    json.put("errored", c.errored());
    json.put("skipped", c.skipped());
    json.put("flaky", c.flaky());
    return json;
  }

  public static Map<String, Object> detail(RunDetail detail) {
    return detail(detail, RunQuarantine.NONE);
  }

  /**
   * With the quarantine: {@code "quarantined": {"failures": n, "flaky": n}} (the run's failed and
   * errored, and flaky, tests that are quarantined) and a {@code quarantined} reason on each such
   * failure. The status stays the run's.
   */
  public static Map<String, Object> detail(RunDetail detail, RunQuarantine quarantine) {
    Map<String, Object> json = run(detail.run());
    json.put("summary", StatusLine.of(detail.run(), quarantine));
    json.remove("runErrors");
    json.put("problems", problems(detail.problems()));
    List<Object> suites = new ArrayList<>();
    for (RunDetail.SuiteCounts s : detail.suites()) {
      Map<String, Object> suite = new LinkedHashMap<>();
      suite.put("name", s.name());
      suite.put("counts", counts(s.counts()));
      suite.put("durationMs", s.duration() == null ? null : s.duration().toMillis());
      suites.add(suite);
    }
    json.put("suites", suites);
    List<Object> failures = new ArrayList<>();
    for (RunDetail.FailedTest f : detail.failures()) {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("suite", f.id().suite());
      failure.put("name", f.id().name());
      failure.put("parameters", f.id().parameters());
      failure.put("outcome", f.outcome().name());
      failure.put("attempts", f.attempts());
      failure.put("durationMs", f.duration() == null ? null : f.duration().toMillis());
      failure.putAll(failure(f.failure()));
      String reason = quarantine.reasons().get(f.id());
      if (reason != null) {
        failure.put("quarantined", reason);
      }
      failures.add(failure);
    }
    json.put("failures", failures);
    json.put("totalFailures", detail.totalFailures());
    json.put("quarantined", Map.of("failures", quarantine.broken(), "flaky", quarantine.flaky()));
    List<Object> errors = new ArrayList<>();
    for (RunError e : detail.runErrors()) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("kind", e.kind().name());
      error.put("scope", e.scope());
      error.putAll(failure(e.failure()));
      error.put("file", e.where() == null ? null : e.where().file());
      error.put("line", e.where() == null ? null : e.where().line());
      errors.add(error);
    }
    json.put("runErrors", errors);
    List<Object> files = new ArrayList<>();
    for (InputFile f : detail.files()) {
      files.add(file(f));
    }
    json.put("files", files);
    return json;
  }

  public static List<Object> problems(List<Problem> problems) {
    List<Object> list = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("file", p.where().file());
      problem.put("line", p.where().line());
      problem.put("column", p.where().column());
      problem.put("severity", p.severity().name());
      problem.put("message", p.message());
      list.add(problem);
    }
    return list;
  }

  public static Map<String, Object> file(InputFile f) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("path", f.path());
    file.put("format", f.format());
    file.put("bytes", f.bytes());
    file.put("tests", f.tests());
    file.put("duplicateOf", f.duplicateOf());
    return file;
  }

  private static Map<String, Object> failure(Failure f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", f.type());
    json.put("message", f.message());
    json.put("details", f.details());
    return json;
  }
}
