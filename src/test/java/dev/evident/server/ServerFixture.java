package dev.evident.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Scope;
import dev.evident.service.TokenService;
import dev.evident.service.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * A real server on a real ephemeral port over a SQLite store in a temp dir (or the store given),
 * and a real HTTP client. Close it to stop the server.
 */
final class ServerFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final Workspace workspace;
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
  final HttpClient client = HttpClient.newHttpClient();
  EvidentServer server;

  ServerFixture(Path dir) {
    this(dir, dir.resolve("evident.db").toString());
  }

  /** Over the store {@code db} names: a SQLite file or a {@code jdbc:postgresql:} URL. */
  ServerFixture(Path dir, String db) {
    this.dir = dir;
    this.workspace = Workspace.open(db);
  }

  ServerFixture start(ServerSettings settings) {
    server = EvidentServer.start(settings, workspace, ProjectConfig.EMPTY, "", log);
    return this;
  }

  /** With task suites and workers. */
  ServerFixture start(
      ServerSettings settings,
      ProjectConfig config,
      dev.evident.service.TaskService.Settings tasks) {
    server = EvidentServer.start(settings, workspace, config, "evident.yaml", log, tasks);
    return this;
  }

  ServerFixture start() {
    return start(ServerSettings.loopback(dir.resolve("uploads")));
  }

  String token(String project, Scope... scopes) {
    return workspace.tokens().create(project, EnumSet.copyOf(List.of(scopes)), "test").token();
  }

  TokenService tokens() {
    return workspace.tokens();
  }

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  /** A response, its body as text and as JSON (null when not JSON). */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  Answer get(String path) {
    return get(path, null);
  }

  Answer postJson(String path, String token, String json) {
    return post(path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  Answer post(String path, String token, String contentType, byte[] body) {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      workspace.close();
      client.close();
    }
  }
}
