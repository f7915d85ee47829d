package dev.evident.service;

import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunQuarantine;
import dev.evident.report.RunJson;
import dev.evident.report.RunText;
import dev.evident.report.StatusLine;
import dev.evident.store.ResultStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Finds stored runs by the references users type ({@code 12}, {@code latest}) and renders them. */
public final class RunQueries {

  private final ResultStore store;

  public RunQueries(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The run a reference names: a run id or {@code latest} (the newest run of {@code project}, or of
   * any project when it is null).
   */
  public Run resolve(String reference, String project) {
    if (reference.equalsIgnoreCase("latest")) {
      return store
          .latest(project)
          .orElseThrow(
              () ->
                  new InputException(
                      project == null
                          ? "no runs stored yet; ingest results first (evident ingest PATH)"
                          : "no runs of project " + project + " stored yet"));
    }
    long id;
    try {
      id = Long.parseLong(reference);
    } catch (NumberFormatException e) {
      throw new InputException("not a run: " + reference + " (give a run id or 'latest')");
    }
    return store.run(id).orElseThrow(() -> new InputException("no run " + id + " in the store"));
  }

  public List<Run> runs(String project, int limit) {
    return store.runs(project, limit);
  }

  /** What the command of a run printed, by stream; empty for ingested runs. */
  public Map<String, dev.evident.model.Excerpt> logs(Run run) {
    return store.logs(run.id());
  }

  public RunDetail detail(Run run, int maxFailures) {
    return store.detail(run.id(), maxFailures);
  }

  public static String text(RunDetail detail, String topCauses) {
    return RunText.render(detail, topCauses);
  }

  public static String text(RunDetail detail) {
    return RunText.render(detail);
  }

  /** With the failures of quarantined tests marked and counted in the status line. */
  public static String text(RunDetail detail, String topCauses, RunQuarantine quarantine) {
    return RunText.render(detail, topCauses, quarantine);
  }

  public static Map<String, Object> json(RunDetail detail, RunQuarantine quarantine) {
    return RunJson.detail(detail, quarantine);
  }

  public static Map<String, Object> json(RunDetail detail) {
    return RunJson.detail(detail);
  }

  public static Map<String, Object> json(Run run) {
    return RunJson.run(run);
  }

  public static List<Object> problemsJson(List<dev.evident.model.Problem> problems) {
    return RunJson.problems(problems);
  }

  public static String statusLine(Run run) {
    return StatusLine.of(run);
  }
}
