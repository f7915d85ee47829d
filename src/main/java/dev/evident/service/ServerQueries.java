package dev.evident.service;

import dev.evident.model.Outcome;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import dev.evident.model.TestId;
import dev.evident.report.RunJson;
import dev.evident.store.ResultStore;
import dev.evident.store.ServerStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The queries of the server's API, each confined to one project: a run of another project is not
 * found, whatever its id. JSON is what the CLI's {@code --json} prints for the same question.
 * Thread safe.
 */
public final class ServerQueries {

  private final Workspace workspace;
  private final ResultStore store;
  private final ServerStore server;
  private final ProjectConfig config;
  private final String configName;
  private final FinishedRunDetails details = new FinishedRunDetails(FinishedRunDetails.MAX_CHARS);

  ServerQueries(
      Workspace workspace,
      ResultStore store,
      ServerStore server,
      ProjectConfig config,
      String configName) {
    this.workspace = workspace;
    this.store = store;
    this.server = server;
    this.config = Objects.requireNonNull(config, "config");
    this.configName = configName;
  }

  /** Projects that have runs, by name. */
  public List<String> projects() {
    return server.projects();
  }

  /**
   * One page of a list.
   *
   * @param items the page, JSON
   * @param next where the next page starts (a run id cursor or an offset), or null on the last page
   * @param total how many items all pages hold, or -1 when not counted
   */
  public record Page(List<Object> items, Long next, long total) {}

  /**
   * Filters of a run list; null fields do not filter.
   *
   * @param branch the {@code git.branch} attribute or {@code branch} label
   * @param labels labels the run must all have
   * @param status a run status ({@code PASSED}, ...)
   * @param since runs stored at or after
   * @param until runs stored before
   */
  public record RunFilter(
      String branch,
      Map<String, String> labels,
      String status,
      java.time.Instant since,
      java.time.Instant until) {}

  /**
   * A project's runs passing a filter, newest first, below the cursor run id (null: from the top).
   */
  public Page runs(String project, RunFilter filter, Long cursor, int limit) {
    var stored =
        new ServerStore.RunFilter(
            filter.branch(), filter.labels(), filter.status(), filter.since(), filter.until());
    List<Run> runs = server.runs(project, stored, cursor, limit + 1);
    List<Object> items = new ArrayList<>();
    for (Run r : runs.subList(0, Math.min(limit, runs.size()))) {
      items.add(RunJson.run(r));
    }
    Long next = runs.size() > limit ? runs.get(limit - 1).id() : null;
    return new Page(items, next, -1);
  }

  /** The run a reference names ({@code 12}, {@code latest}, ...) in a project; else not found. */
  public Run run(String project, String reference) {
    Run run;
    try {
      run = workspace.runs().resolve(reference, project);
    } catch (NotFoundException e) {
      throw e;
    } catch (InputException e) {
      throw new NotFoundException(e.getMessage());
    }
    if (!run.project().equals(project)) {
      throw new NotFoundException("no run " + reference + " in project " + project);
    }
    return run;
  }

  /** What {@code evident show --json} prints for the run. */
  public Map<String, Object> summary(String project, String reference) {
    Run run = run(project, reference);
    RunDetail detail = details.of(run, id -> store.detail(id, Integer.MAX_VALUE));
    return RunJson.detail(detail, workspace.quarantine().inRun(run));
  }

  /** A run's tests in store order, of one outcome or all (null), from an offset. */
  public Page tests(String project, String reference, Outcome outcome, long offset, int limit) {
    Run run = run(project, reference);
    List<long[]> page = new ArrayList<>();
    long[] matched = {0};
    store.results(
        run.id(),
        (ref, o, micros) -> {
          if (outcome == null || o == outcome) {
            if (matched[0] >= offset && page.size() < limit + 1) {
              page.add(new long[] {ref, o.ordinal(), micros});
            }
            matched[0]++;
          }
        });
    List<long[]> shown = page.subList(0, Math.min(limit, page.size()));
    Map<Long, TestId> ids = store.tests(shown.stream().map(p -> p[0]).toList());
    List<Object> items = new ArrayList<>();
    for (long[] p : shown) {
      TestId id = ids.get(p[0]);
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("ref", p[0]);
      test.put("suite", id == null ? null : id.suite());
      test.put("name", id == null ? null : id.displayName());
      test.put("outcome", Outcome.values()[(int) p[1]].name());
      test.put("durationMs", p[2] < 0 ? null : p[2] / 1000.0);
      items.add(test);
    }
    return new Page(items, page.size() > limit ? offset + limit : null, matched[0]);
  }

  /**
   * A run's status report as {@code evident report --format FORMAT} writes it: Markdown within
   * {@code maxBytes} and HTML as text, JSON as a map.
   *
   * @param baseline a run reference in the same project, or null for the previous run on the run's
   *     branch
   * @param format md, json or html
   */
  public Object report(
      String project, String reference, String baseline, String format, int maxBytes) {
    Run run = run(project, reference);
    String base = baseline == null ? null : Long.toString(run(project, baseline).id());
    ReportPageService.Pending page =
        format.equals("html")
            ? workspace.reportPages().start(run, ReportPageService.DEFAULT_TREND_RUNS)
            : null;
    var report =
        workspace.diagnosing(() -> workspace.reports().report(run, base, config, configName));
    return switch (format) {
      case "md" -> ReportService.markdown(report, maxBytes);
      case "json" -> ReportService.json(report);
      case "html" -> page.html(report);
      default -> throw new InputException("format must be md, json or html, not " + format);
    };
  }

  /** What {@code evident diagnose --json} prints. */
  public Map<String, Object> diagnosis(String project, String reference, int testsPerGroup) {
    Run run = run(project, reference);
    var diagnosis =
        workspace.diagnosing(() -> workspace.diagnoses().diagnose(run, testsPerGroup, true));
    return DiagnoseService.json(diagnosis, workspace.quarantine().inRun(run));
  }

  /** What {@code evident compare --json BASE HEAD} prints; both runs in the project. */
  public Map<String, Object> compare(String project, String baseRef, String headRef) {
    Run head = run(project, headRef == null ? "latest" : headRef);
    Run base;
    try {
      base = workspace.runs().baseline(baseRef == null ? "latest~1" : baseRef, project, head);
    } catch (InputException e) {
      throw new NotFoundException(e.getMessage());
    }
    if (!base.project().equals(project)) {
      throw new NotFoundException("no run " + baseRef + " in project " + project);
    }
    return CompareService.json(workspace.compares().compare(base, head, false));
  }

  /** What {@code evident flaky --json} prints, with the server's flaky settings. */
  public Map<String, Object> flaky(String project, Integer window, boolean all) {
    var settings = window == null ? config.flaky() : config.flaky().withWindow(window);
    return FlakinessService.json(workspace.flakiness().score(project, settings), all);
  }

  /** What {@code evident suspicious --json} prints. */
  public Map<String, Object> suspicious(String project, String reference, int runs) {
    Run run = run(project, reference);
    return SuspectService.json(workspace.suspects().find(run, runs));
  }

  /** What {@code evident progress --json} prints, with the server's categories. */
  public Map<String, Object> progress(String project, String reference, int runs) {
    if (config.categories().isEmpty()) {
      throw new ConfigException(
          "the server's configuration declares no categories: start evident serve where an"
              + " evident.yaml with a categories: section is, or with --config FILE");
    }
    Run run = run(project, reference);
    return ProgressService.json(
        workspace.progress().measure(run, config.categories(), runs), configName);
  }

  /** What {@code evident trend --json} prints, of the project or of one test. */
  public Map<String, Object> trend(String project, String test, int runs, int slowest) {
    if (store.latest(project).isEmpty()) {
      throw new NotFoundException("no runs of project " + project + " stored yet");
    }
    TrendService trends = workspace.trends();
    return test == null
        ? TrendService.json(trends.project(project, runs, slowest))
        : TrendService.json(trends.test(project, test, runs));
  }

  /**
   * Ingests an upload as a run of its project and answers: the run (as in a run list), the
   * problems, the files, whether quarantine forgives its failures, and with {@code text} the
   * summary {@code evident ingest} prints (which costs a read of the run's detail).
   */
  public Uploaded ingest(IngestService.Upload upload, boolean text) {
    IngestService.Ingested ingested = workspace.ingest().ingest(upload);
    Uploaded uploaded = answer(ingested.run(), ingested.problems(), text ? 20 : 0);
    uploaded.json().put("files", ingested.files().stream().map(RunJson::file).toList());
    uploaded.json().put("ignored", ingested.ignored());
    uploaded.json().put("unreadable", ingested.unreadable());
    return uploaded;
  }

  /** Stores the run a {@link RunJournal} records; answers as {@link #ingest}, text if max > 0. */
  public Uploaded replay(String project, java.io.BufferedReader journal, int maxFailures) {
    RunJournal.Replayed replayed = RunJournal.replay(journal, project, store);
    return answer(replayed.run(), replayed.problems(), maxFailures);
  }

  private Uploaded answer(Run run, List<dev.evident.model.Problem> problems, int maxFailures) {
    var quarantine = workspace.quarantine().inRun(run);
    Map<String, Object> json = RunJson.run(run);
    json.put("problems", RunJson.problems(problems));
    json.put("forgiven", quarantine.forgives(run));
    json.put("unquarantinedFlaky", quarantine.unquarantinedFlaky(run));
    if (maxFailures > 0) {
      json.put("text", RunQueries.text(store.detail(run.id(), maxFailures), "", quarantine));
    }
    return new Uploaded(run, json);
  }

  /** An ingested upload: the stored run, and the answer to send. */
  public record Uploaded(Run run, Map<String, Object> json) {}

  /** The newest run of a project. */
  public java.util.Optional<Run> latest(String project) {
    return store.latest(project);
  }

  /**
   * What {@code evident cost --json} prints: a run's tokens and cost per model and package, or,
   * when {@code reference} is null, those of the project's runs since {@code since} (any when
   * null). Prices: the built-in table, or the {@code prices:} file of the server's evident.yaml.
   */
  public Map<String, Object> cost(String project, String reference, java.time.Instant since) {
    return reference == null
        ? workspace.evals().cost(null, project, since, null, java.nio.file.Path.of("")).json()
        : workspace
            .evals()
            .cost(run(project, reference), project, null, null, java.nio.file.Path.of(""))
            .json();
  }

  /** What {@code evident analyze --json} prints for the run. */
  public Map<String, Object> analyze(String project, String reference) {
    return workspace
        .evals()
        .analyze(run(project, reference), null, java.nio.file.Path.of(""))
        .json();
  }

  /** What {@code evident compare --by model --json} prints for the project's runs since then. */
  public Map<String, Object> models(String project, java.time.Instant since) {
    return workspace.evals().models(project, since, null, java.nio.file.Path.of("")).json();
  }

  /** Why the server is not ready, or empty. */
  public List<String> notReady() {
    return server.notReady();
  }
}
