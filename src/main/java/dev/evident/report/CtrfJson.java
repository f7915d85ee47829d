package dev.evident.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.evident.analyze.Insights;
import dev.evident.model.Attempt;
import dev.evident.model.Counts;
import dev.evident.model.ExportSink;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a stored run as a CTRF report (https://ctrf.io, specVersion 0.1.0), streaming: {@code
 * results} with the tool, the summary and one test per result, then the run's environment and the
 * report-level {@code insights}; each test carries its own insights. See {@link Insights} for how
 * they are computed. Not thread safe.
 */
public final class CtrfJson implements ExportSink, AutoCloseable {

  /** The CTRF specification version the output follows. */
  public static final String SPEC_VERSION = "0.1.0";

  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator json;
  private final Run run;
  private final Insights insights;
  private boolean finished;

  /**
   * Starts the report.
   *
   * @param storeId the store's id: with the run id it makes the report's id, stable for one run
   * @param now when the report is written
   */
  public CtrfJson(Writer out, Run run, Insights insights, String storeId, Instant now) {
    this.run = run;
    this.insights = insights;
    try {
      json = JSON.createGenerator(out);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("reportFormat", "CTRF");
      json.writeStringField("specVersion", SPEC_VERSION);
      json.writeStringField(
          "reportId",
          UUID.nameUUIDFromBytes(
                  (storeId + "/run/" + run.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .toString());
      json.writeStringField("timestamp", now.toString());
      json.writeStringField("generatedBy", "evident");
      json.writeObjectFieldStart("results");
      json.writeObjectFieldStart("tool");
      String runner = run.attributes().get("runner");
      json.writeStringField("name", runner == null || runner.isBlank() ? "evident" : runner);
      json.writeEndObject();
      summary(run.counts());
      json.writeArrayFieldStart("tests");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void summary(Counts c) throws IOException {
    Instant start = run.started() != null ? run.started() : run.created();
    Instant stop = run.finished() != null ? run.finished() : start;
    json.writeObjectFieldStart("summary");
    json.writeNumberField("tests", c.collected());
    json.writeNumberField("passed", c.passed() + c.flaky());
    json.writeNumberField("failed", c.failed() + c.errored());
    json.writeNumberField("skipped", c.skipped());
    json.writeNumberField("pending", 0);
    json.writeNumberField("other", 0);
    json.writeNumberField("flaky", c.flaky());
    json.writeNumberField("start", start.toEpochMilli());
    json.writeNumberField("stop", stop.toEpochMilli());
    json.writeNumberField("duration", Duration.between(start, stop).toMillis());
    json.writeObjectFieldStart("extra");
    json.writeNumberField("errored", c.errored());
    json.writeNumberField("executed", c.executed());
    json.writeStringField("status", run.status().name());
    json.writeEndObject();
    json.writeEndObject();
  }

  @Override
  public void suite(Suite suite) {}

  @Override
  public void result(long testRef, TestResult r) {
    try {
      json.writeStartObject();
      json.writeStringField("name", r.id().displayName());
      json.writeStringField("status", status(r.outcome()));
      json.writeNumberField("duration", r.duration() == null ? 0 : r.duration().toMillis());
      if (!r.id().suite().isEmpty()) {
        json.writeArrayFieldStart("suite");
        json.writeString(r.id().suite());
        json.writeEndArray();
      }
      Failure f = r.failure();
      if (!f.message().isEmpty() || !f.type().isEmpty()) {
        json.writeStringField(
            "message", f.type().isEmpty() ? f.message() : join(f.type(), f.message()));
      }
      if (!f.details().isEmpty()) {
        json.writeStringField("trace", f.details());
      }
      if (r.source() != null) {
        json.writeStringField("filePath", r.source().file());
        if (r.source().line() > 0) {
          json.writeNumberField("line", r.source().line());
        }
      }
      if (r.outcome() == Outcome.ERRORED || r.outcome() == Outcome.FLAKY) {
        json.writeStringField("rawStatus", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
      }
      if (!r.earlierAttempts().isEmpty()) {
        json.writeNumberField("retries", r.earlierAttempts().size());
        attempts(r);
      }
      json.writeBooleanField("flaky", r.outcome() == Outcome.FLAKY);
      Insights.TestInsights t = insights.test(testRef);
      if (t != null) {
        json.writeObjectFieldStart("insights");
        metric("passRate", t.passRate());
        metric("failRate", t.failRate());
        metric("flakyRate", t.flakyRate());
        metric("averageTestDuration", t.averageTestDuration());
        json.writeNumberField("executedInRuns", t.executedInRuns());
        json.writeEndObject();
      }
      if (!r.id().parameters().isEmpty() || r.duration() == null) {
        json.writeObjectFieldStart("extra");
        if (!r.id().parameters().isEmpty()) {
          json.writeStringField("parameters", r.id().parameters());
        }
        if (r.duration() == null) {
          json.writeBooleanField("durationUnknown", true);
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void attempts(TestResult r) throws IOException {
    json.writeArrayFieldStart("retryAttempts");
    List<Attempt> earlier = r.earlierAttempts();
    for (int i = 0; i < earlier.size(); i++) {
      Attempt a = earlier.get(i);
      attempt(i + 1, a.outcome(), a.duration(), a.failure());
    }
    boolean flaky = r.outcome() == Outcome.FLAKY;
    attempt(
        earlier.size() + 1,
        flaky ? Outcome.PASSED : r.outcome(),
        r.duration(),
        flaky ? Failure.NONE : r.failure());
    json.writeEndArray();
  }

  private void attempt(int n, Outcome outcome, Duration duration, Failure f) throws IOException {
    json.writeStartObject();
    json.writeNumberField("attempt", n);
    json.writeStringField("status", status(outcome));
    if (duration != null) {
      json.writeNumberField("duration", duration.toMillis());
    }
    if (!f.message().isEmpty() || !f.type().isEmpty()) {
      json.writeStringField("message", join(f.type(), f.message()));
    }
    if (!f.details().isEmpty()) {
      json.writeStringField("trace", f.details());
    }
    json.writeEndObject();
  }

  /** Ends the tests, writes the environment and the report's insights, and flushes. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      json.writeEndArray();
      environment();
      json.writeObjectFieldStart("extra");
      json.writeNumberField("evidentRun", run.id());
      json.writeStringField("project", run.project());
      json.writeEndObject();
      json.writeEndObject();
      json.writeObjectFieldStart("insights");
      json.writeNumberField("runsAnalyzed", insights.runsAnalyzed());
      metric("passRate", insights.passRate());
      metric("failRate", insights.failRate());
      metric("flakyRate", insights.flakyRate());
      metric("averageRunDuration", insights.averageRunDuration());
      metric("p95RunDuration", insights.p95RunDuration());
      metric("averageTestDuration", insights.averageTestDuration());
      json.writeEndObject();
      json.writeEndObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void environment() throws IOException {
    Map<String, String> a = run.attributes();
    json.writeObjectFieldStart("environment");
    json.writeStringField("reportName", "run " + run.id() + " of " + run.project());
    json.writeStringField("appName", run.project());
    string("commit", a.get("git.commit"));
    string("branchName", run.branch());
    string("buildUrl", a.get("ci.url"));
    string("osPlatform", a.get("os.name"));
    string("osVersion", a.get("os.version"));
    json.writeBooleanField("healthy", run.status() == dev.evident.model.RunStatus.PASSED);
    json.writeEndObject();
  }

  private void string(String field, String value) throws IOException {
    if (value != null && !value.isBlank()) {
      json.writeStringField(field, value);
    }
  }

  private void metric(String name, Insights.Metric m) throws IOException {
    if (m == null) {
      return;
    }
    json.writeObjectFieldStart(name);
    json.writeNumberField("current", round(m.current()));
    if (m.baseline() != null) {
      json.writeNumberField("baseline", round(m.baseline()));
      json.writeNumberField("change", round(m.change()));
    }
    json.writeEndObject();
  }

  /** Six decimals: enough for a rate, and no 0.30000000000000004 in the output. */
  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  @Override
  public void close() {
    finish();
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String status(Outcome o) {
    return switch (o) {
      case PASSED, FLAKY -> "passed";
      case FAILED, ERRORED -> "failed";
      case SKIPPED -> "skipped";
    };
  }

  private static String join(String type, String message) {
    if (type.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? type : type + ": " + message;
  }
}
