package dev.evident.server;

import dev.evident.model.Counts;
import dev.evident.model.Run;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's Prometheus metrics, in a registry of its own (not the global one, so that two
 * servers in one JVM, as in tests, do not share counts). docs/grafana/evident.json uses exactly
 * these names. Thread safe.
 */
final class ServerMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private final Counter runs =
      Counter.builder()
          .name("evident_runs_ingested_total")
          .help("Runs stored from uploads, by project and run status")
          .labelNames("project", "status")
          .register(registry);
  private final Counter tests =
      Counter.builder()
          .name("evident_tests_ingested_total")
          .help("Test results stored from uploads, by project and outcome")
          .labelNames("project", "outcome")
          .register(registry);
  private final Gauge passRate =
      Gauge.builder()
          .name("evident_project_pass_rate")
          .help("Passed / executed tests of the project's latest run (NaN when none executed)")
          .labelNames("project")
          .register(registry);
  private final Gauge executed =
      Gauge.builder()
          .name("evident_project_tests_executed")
          .help("Executed tests of the project's latest run: the pass rate's denominator")
          .labelNames("project")
          .register(registry);
  private final Gauge passed =
      Gauge.builder()
          .name("evident_project_tests_passed")
          .help("Passed tests of the project's latest run: the pass rate's numerator")
          .labelNames("project")
          .register(registry);
  private final Counter ingestBytes =
      Counter.builder()
          .name("evident_ingest_bytes_total")
          .help("Bytes of uploads received, as sent (compressed archives counted compressed)")
          .labelNames("project")
          .register(registry);
  private final Histogram ingestSeconds =
      Histogram.builder()
          .name("evident_ingest_duration_seconds")
          .help("Time to receive, unpack, read and store one upload")
          .classicOnly()
          .classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
          .register(registry);
  private final Counter requests =
      Counter.builder()
          .name("evident_http_requests_total")
          .help("HTTP requests by method, route template and status")
          .labelNames("method", "route", "status")
          .register(registry);
  private final Histogram requestSeconds =
      Histogram.builder()
          .name("evident_http_request_duration_seconds")
          .help("HTTP request durations by method and route template")
          .labelNames("method", "route")
          .classicOnly()
          .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
          .register(registry);

  private final Gauge tasksQueued =
      Gauge.builder()
          .name("evident_task_queue_depth")
          .help("Tasks waiting for a worker (QUEUED), by project, in the whole database")
          .labelNames("project")
          .register(registry);
  private final Gauge tasksRunning =
      Gauge.builder()
          .name("evident_tasks_running")
          .help("Tasks being run (RUNNING) by any server on the database, by project")
          .labelNames("project")
          .register(registry);
  private final Gauge workersBusy =
      Gauge.builder()
          .name("evident_task_workers_busy")
          .help("Tasks this server is running now (of evident_task_workers)")
          .register(registry);
  private final Gauge workers =
      Gauge.builder()
          .name("evident_task_workers")
          .help("Task workers of this server (serve --workers)")
          .register(registry);
  private final Counter tasksEnded =
      Counter.builder()
          .name("evident_tasks_finished_total")
          .help("Tasks that reached a terminal state as seen by this server, by project and state")
          .labelNames("project", "state")
          .register(registry);
  private final Histogram taskSeconds =
      Histogram.builder()
          .name("evident_task_duration_seconds")
          .help("From a task's start to its end, by terminal state (tasks that ran)")
          .labelNames("state")
          .classicOnly()
          .classicUpperBounds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600)
          .register(registry);

  /** Sets the task gauges from the counts in the database and this server's workers. */
  void tasks(
      java.util.Map<String, java.util.Map<dev.evident.service.TaskState, Long>> byProject,
      int busy,
      int workerCount) {
    tasksQueued.clear();
    tasksRunning.clear();
    byProject.forEach(
        (project, counts) -> {
          tasksQueued
              .labelValues(project)
              .set(counts.getOrDefault(dev.evident.service.TaskState.QUEUED, 0L));
          tasksRunning
              .labelValues(project)
              .set(counts.getOrDefault(dev.evident.service.TaskState.RUNNING, 0L));
        });
    workersBusy.set(busy);
    workers.set(workerCount);
  }

  /** Counts a task that ended, and how long it ran. */
  void taskEnded(dev.evident.service.Task task) {
    tasksEnded.labelValues(task.project(), task.state().name()).inc();
    if (task.started() != null && task.finished() != null) {
      taskSeconds
          .labelValues(task.state().name())
          .observe(java.time.Duration.between(task.started(), task.finished()).toNanos() / 1e9);
    }
  }

  /** Counts an ingested run and makes it the project's latest. */
  void ingested(Run run, long bytes, double seconds) {
    String project = run.project();
    runs.labelValues(project, run.status().name()).inc();
    Counts c = run.counts();
    tests.labelValues(project, "passed").inc(c.passed());
    tests.labelValues(project, "failed").inc(c.failed());
    tests.labelValues(project, "errored").inc(c.errored());
    tests.labelValues(project, "skipped").inc(c.skipped());
    tests.labelValues(project, "flaky").inc(c.flaky());
    ingestBytes.labelValues(project).inc(bytes);
    ingestSeconds.observe(seconds);
    latest(run);
  }

  /** Sets the project gauges from its latest run. */
  void latest(Run run) {
    Counts c = run.counts();
    executed.labelValues(run.project()).set(c.executed());
    passed.labelValues(run.project()).set(c.passed());
    passRate
        .labelValues(run.project())
        .set(c.executed() == 0 ? Double.NaN : (double) c.passed() / c.executed());
  }

  void request(String method, String route, int status, double seconds) {
    requests.labelValues(method, route, Integer.toString(status)).inc();
    requestSeconds.labelValues(method, route).observe(seconds);
  }

  private static final Pattern PROJECT = Pattern.compile("project=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * The metrics in Prometheus text format; with {@code project} not null, series of other projects
   * are left out (a token sees its own project only).
   */
  String scrape(String project) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    if (project == null) {
      return text;
    }
    String escaped = project.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    StringBuilder kept = new StringBuilder(text.length());
    for (String line : text.split("\n")) {
      Matcher m = PROJECT.matcher(line);
      if (line.startsWith("#") || !m.find() || m.group(1).equals(escaped)) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
