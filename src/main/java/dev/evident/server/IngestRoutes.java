package dev.evident.server;

import static dev.evident.server.QueryRoutes.PROJECT;

import dev.evident.model.Scope;
import dev.evident.service.IngestService;
import dev.evident.service.InputException;
import dev.evident.service.ServerQueries;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/projects/{project}/runs}: result files in, one run stored, 201 with the run,
 * its counts and the readers' problems. Labels and attributes come as repeated {@code label} and
 * {@code attribute} parameters ({@code KEY=VALUE}), in the query or as multipart form fields.
 */
final class IngestRoutes implements RouteGroup {

  private final ServerQueries queries;
  private final Uploads uploads;
  private final ServerMetrics metrics;

  /**
   * Uploads are received and unpacked in parallel, then stored one at a time (the store has one
   * writer) in the order they arrived: a fair queue, so that under load no upload waits much longer
   * than the others.
   */
  private final java.util.concurrent.locks.ReentrantLock storing =
      new java.util.concurrent.locks.ReentrantLock(true);

  IngestRoutes(ServerQueries queries, Uploads uploads, ServerMetrics metrics) {
    this.queries = queries;
    this.uploads = uploads;
    this.metrics = metrics;
  }

  @Override
  public void register(Api api) {
    api.post(PROJECT + "/runs", Scope.INGEST, this::ingest);
    api.post(PROJECT + "/runs/journal", Scope.INGEST, this::journal);
  }

  /**
   * {@code POST /api/v1/projects/{project}/runs/journal}: a run journal (what {@code evident run
   * --server} recorded while its command ran) in, the same run stored, 201 as for an upload.
   */
  private void journal(Context ctx, Caller caller) throws java.io.IOException {
    long start = System.nanoTime();
    String project = project(ctx);
    int maxFailures = Params.intParam(ctx, "max_failures", 20);
    try (Uploads.Received body = uploads.spool(ctx);
        var in = java.nio.file.Files.newBufferedReader(body.written().get(0))) {
      ServerQueries.Uploaded uploaded;
      storing.lock();
      try {
        uploaded =
            queries.replay(
                project, in, "true".equalsIgnoreCase(ctx.queryParam("text")) ? maxFailures : 0);
      } catch (InputException e) {
        throw new HttpProblem(422, e.getMessage());
      } finally {
        storing.unlock();
      }
      stored(ctx, project, uploaded, body.bytes(), start);
    }
  }

  private void ingest(Context ctx, Caller caller) throws java.io.IOException {
    long start = System.nanoTime();
    String project = project(ctx);
    try (Uploads.Received received = uploads.receive(ctx)) {
      boolean multipart =
          String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith("multipart/");
      Map<String, String> labels = Params.pairs(values(ctx, "label", multipart), "label");
      Map<String, String> attributes =
          Params.pairs(values(ctx, "attribute", multipart), "attribute");
      ServerQueries.Uploaded uploaded;
      storing.lock();
      try {
        uploaded =
            queries.ingest(
                new IngestService.Upload(project, labels, attributes, received.files()),
                "true".equalsIgnoreCase(ctx.queryParam("text")));
      } catch (InputException e) {
        throw new HttpProblem(422, e.getMessage());
      } finally {
        storing.unlock();
      }
      stored(ctx, project, uploaded, received.bytes(), start);
    }
  }

  private static String project(Context ctx) {
    String project = ctx.pathParam("project");
    if (project.isBlank() || project.length() > 200 || project.chars().anyMatch(c -> c < 0x20)) {
      throw HttpProblem.badRequest("project name must be 1 to 200 printable characters");
    }
    return project;
  }

  private void stored(
      Context ctx, String project, ServerQueries.Uploaded uploaded, long bytes, long start) {
    metrics.ingested(uploaded.run(), bytes, (System.nanoTime() - start) / 1e9);
    String location =
        "/api/v1/projects/"
            + java.net.URLEncoder.encode(project, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")
            + "/runs/"
            + uploaded.run().id();
    ctx.header("Location", location);
    JsonBody.send(ctx, 201, uploaded.json());
  }

  private static List<String> values(Context ctx, String name, boolean multipart) {
    List<String> values = new ArrayList<>(ctx.queryParams(name));
    if (multipart) {
      values.addAll(ctx.formParams(name));
    }
    return values;
  }
}
