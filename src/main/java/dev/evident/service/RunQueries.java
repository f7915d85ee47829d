package dev.evident.service;

import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.RunQuarantine;
import dev.evident.model.RunStatus;
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
   * The run a reference names: a run id; {@code latest}, the newest run of {@code project} (of any
   * project when it is null); {@code latest~N}, the Nth run before that one in its project; or
   * {@code branch:NAME}, the newest run made on branch NAME (its {@code git.branch} attribute or
   * {@code branch} label). Errors name what was typed and what the store has.
   */
  public Run resolve(String reference, String project) {
    return resolve(reference, project, null);
  }

  /**
   * A comparison's baseline: like {@link #resolve}, except that {@code branch:NAME} is the newest
   * run on that branch other than {@code head} itself, in {@code project} or else head's project.
   */
  public Run baseline(String reference, String project, Run head) {
    Objects.requireNonNull(head, "head");
    return resolve(reference, project == null ? head.project() : project, head);
  }

  private Run resolve(String reference, String project, Run head) {
    String ref = reference.strip();
    if (ref.equalsIgnoreCase("latest")) {
      return latest(project);
    }
    if (ref.regionMatches(true, 0, "latest~", 0, "latest~".length())) {
      return back(ref, project);
    }
    if (ref.regionMatches(true, 0, "branch:", 0, "branch:".length())) {
      return onBranch(ref, ref.substring("branch:".length()), project, head);
    }
    long id;
    try {
      id = Long.parseLong(ref);
    } catch (NumberFormatException e) {
      throw new InputException(
          "not a run: "
              + reference
              + " (give a run id, latest, latest~N for the Nth run before the latest,"
              + " or branch:NAME)");
    }
    return store.run(id).orElseThrow(() -> new InputException("no run " + id + " in the store"));
  }

  private Run latest(String project) {
    return store
        .latest(project)
        .orElseThrow(
            () ->
                new InputException(
                    project == null
                        ? "no runs stored yet; ingest results first (evident ingest PATH)"
                        : "no runs of project " + project + " stored yet"));
  }

  /** {@code latest~N}: N runs before the latest, in the latest's project. */
  private Run back(String ref, String project) {
    int n;
    try {
      n = Integer.parseInt(ref.substring("latest~".length()));
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 0) {
      throw new InputException(
          "not a run: "
              + ref
              + " (latest~N takes a number of runs back: latest~1 is the one before"
              + " the latest)");
    }
    Run latest = latest(project);
    if (n == 0) {
      return latest;
    }
    List<Run> runs = store.runs(latest.project(), n + 1);
    if (runs.size() <= n) {
      Run oldest = runs.get(runs.size() - 1);
      throw new InputException(
          ref
              + ": project "
              + latest.project()
              + (runs.size() == 1
                  ? " has only one run (run " + latest.id() + ")"
                  : " has "
                      + String.format(java.util.Locale.ROOT, "%,d", runs.size())
                      + " runs, so latest~"
                      + (runs.size() - 1)
                      + " (run "
                      + oldest.id()
                      + ") is the oldest"));
    }
    return runs.get(n);
  }

  /** {@code branch:NAME}: the newest run on the branch, other than {@code head} when given. */
  private Run onBranch(String ref, String branch, String project, Run head) {
    if (branch.isBlank()) {
      throw new InputException("not a run: " + ref + " (branch:NAME names a branch)");
    }
    for (Run run : store.runsOnBranch(project, branch, 2)) {
      if (head == null || run.id() != head.id()) {
        return run;
      }
    }
    String of = project == null ? "" : " of project " + project;
    if (head != null && !store.runsOnBranch(project, branch, 1).isEmpty()) {
      throw new InputException(
          ref
              + ": the only run"
              + of
              + " on branch "
              + branch
              + " is run "
              + head.id()
              + ", the run being compared; there is nothing before it to compare with");
    }
    Map<String, Integer> branches = store.branches(project);
    if (branches.isEmpty()) {
      throw new InputException(
          ref
              + ": no run"
              + of
              + " records a branch (evident run records git.branch in a git checkout;"
              + " evident ingest --label branch=NAME gives one)");
    }
    StringBuilder known = new StringBuilder();
    int listed = 0;
    for (Map.Entry<String, Integer> b : branches.entrySet()) {
      if (listed++ == 10) {
        known.append(", and ").append(branches.size() - 10).append(" more");
        break;
      }
      known.append(listed == 1 ? "" : ", ").append(b.getKey()).append(" (");
      known.append(String.format(java.util.Locale.ROOT, "%,d", b.getValue()));
      known.append(b.getValue() == 1 ? " run)" : " runs)");
    }
    throw new InputException(
        ref + ": no run" + of + " on branch " + branch + "; runs are on " + known);
  }

  public List<Run> runs(String project, int limit) {
    return store.runs(project, limit);
  }

  /** Runs of every project with ids above {@code afterId}, oldest first, at most {@code limit}. */
  public List<Run> runsAfter(long afterId, int limit) {
    return store.runsAfter(afterId, limit);
  }

  /** How far back on a branch {@link #previousOnBranch} looks. */
  private static final int BRANCH_RUNS = 1000;

  /** The newest finished run before {@code run} on the branch (among its last 1,000), or null. */
  public Run previousOnBranch(Run run, String branch) {
    for (Run r : store.runsOnBranch(run.project(), branch, BRANCH_RUNS)) {
      if (r.id() < run.id() && finished(r)) {
        return r;
      }
    }
    return null;
  }

  /** The newest finished run of the project before {@code run}, or null. */
  public Run previous(Run run) {
    for (Run r : store.runsUpTo(run.project(), run.id() - 1, 10)) {
      if (finished(r)) {
        return r;
      }
    }
    return null;
  }

  private static boolean finished(Run r) {
    return r.status() != RunStatus.QUEUED && r.status() != RunStatus.RUNNING;
  }

  /** The newest runs made on a branch, newest first, of one project or of all when null. */
  public List<Run> runsOnBranch(String project, String branch, int limit) {
    return store.runsOnBranch(project, branch, limit);
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
