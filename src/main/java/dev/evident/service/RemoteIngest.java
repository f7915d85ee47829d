package dev.evident.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.EvidentException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code evident ingest --server}: sends result files to an {@code evident serve} as one multipart
 * upload instead of storing them locally. Files named on the command line go as {@code file} parts
 * (an error on the server when they are not results), files found in directories as {@code found}
 * parts (skipped there when they are not), as a local ingest treats them.
 */
public final class RemoteIngest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RemoteIngest() {}

  /**
   * What to upload.
   *
   * @param server the server's base URL ({@code http://ci-results:8080})
   * @param token a token with the ingest scope, or null for a single-user server
   */
  public record Request(
      String server,
      String token,
      String project,
      List<String> paths,
      Path base,
      Map<String, String> labels,
      Map<String, String> attributes) {
    public Request {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(project, "project");
      paths = List.copyOf(paths);
      labels = Map.copyOf(labels);
      attributes = Map.copyOf(attributes);
    }
  }

  /** The server refused or failed the upload; the message is its answer. */
  public static final class RemoteException extends EvidentException {
    public RemoteException(String message) {
      super(message);
    }
  }

  /** Uploads and returns the server's answer (the run, counts, problems, summary text). */
  public static Map<String, Object> upload(Request request) {
    List<InputFiles.Candidate> files = InputFiles.expand(request.paths(), request.base());
    String boundary = "evident-" + UUID.randomUUID();
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    for (InputFiles.Candidate c : files) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + (c.explicit() ? "file" : "found")
              + "\"; filename=\""
              + quoted(sendName(c.name()))
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
      parts.add(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8));
      try {
        parts.add(HttpRequest.BodyPublishers.ofFile(c.path()));
      } catch (java.io.FileNotFoundException e) {
        throw new InputException("cannot read " + c.name() + ": " + e.getMessage());
      }
      parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
    }
    parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
    StringBuilder query = new StringBuilder("&text=true");
    request.labels().forEach((k, v) -> query.append("&label=").append(enc(k + "=" + v)));
    request.attributes().forEach((k, v) -> query.append("&attribute=").append(enc(k + "=" + v)));
    String base = request.server().replaceAll("/+$", "");
    URI uri =
        URI.create(
            base
                + "/api/v1/projects/"
                + enc(request.project()).replace("+", "%20")
                + "/runs"
                + (query.isEmpty() ? "" : "?" + query.substring(1)));
    HttpRequest.Builder http =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)));
    return send(http, base, request.token());
  }

  /**
   * Sends a request to the server at {@code base} with the token (or none when null or blank) and
   * returns its JSON answer; anything but 201 is a {@link RemoteException} naming the server, the
   * status and the server's error.
   */
  static Map<String, Object> send(HttpRequest.Builder http, String base, String token) {
    if (token != null && !token.isBlank()) {
      http.header("Authorization", "Bearer " + token.strip());
    }
    HttpResponse<String> response;
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new RemoteException(
          "cannot reach " + base + ": connection refused (is evident serve running there?)");
    } catch (IOException e) {
      throw new RemoteException("cannot upload to " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteException("upload to " + base + " interrupted");
    }
    Map<String, Object> body = parse(response.body());
    if (response.statusCode() != 201) {
      Object error = body.get("error");
      throw new RemoteException(
          base
              + " answered "
              + response.statusCode()
              + ": "
              + (error != null ? error : response.body().strip()));
    }
    return body;
  }

  private static Map<String, Object> parse(String body) {
    try {
      return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** A name the server accepts: relative, without {@code ..} (the server rejects those). */
  static String sendName(String name) {
    List<String> kept = new ArrayList<>();
    for (String part : name.replace('\\', '/').split("/")) {
      if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
        kept.add(part);
      }
    }
    return kept.isEmpty() ? "upload" : String.join("/", kept);
  }

  private static String quoted(String s) {
    return s.replace("\"", "%22").replace("\r", "").replace("\n", "");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
