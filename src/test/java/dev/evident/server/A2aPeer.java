package dev.evident.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small A2A JSON-RPC client of our own (java.net.http), for protocol 1.0 and for what the
 * official 0.3 client does not let a test send: calls return the whole JSON-RPC response, streams
 * every SSE event's JSON in arrival order.
 */
final class A2aPeer {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;
  private final String version;
  private final String token;
  private final AtomicLong ids = new AtomicLong();

  /**
   * @param version the A2A-Version header, or null to send none
   */
  A2aPeer(String endpoint, String version, String token) {
    this.endpoint = endpoint;
    this.version = version;
    this.token = token;
  }

  /** An HTTP answer of the endpoint. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  Answer raw(String body) {
    try {
      HttpResponse<String> r =
          http.send(request(body).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON-RPC response to a call (result or error). */
  JsonNode call(String method, Object params) {
    Answer a = raw(body(method, params));
    if (a.status() != 200) {
      throw new IllegalStateException("HTTP " + a.status() + ": " + a.body());
    }
    return a.json();
  }

  /** Every event of an SSE answer, in order, until the server closes the stream. */
  List<JsonNode> stream(String method, Object params) {
    try {
      HttpResponse<InputStream> r =
          http.send(
              request(body(method, params)).header("Accept", "text/event-stream").build(),
              HttpResponse.BodyHandlers.ofInputStream());
      List<JsonNode> events = new ArrayList<>();
      String type = r.headers().firstValue("Content-Type").orElse("");
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        if (!type.startsWith("text/event-stream")) {
          events.add(JSON.readTree(in));
          return events;
        }
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data:")) {
            events.add(JSON.readTree(line.substring(5).strip()));
          }
        }
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(endpoint))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (version != null) {
      b.header("A2A-Version", version);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private String body(String method, Object params) {
    try {
      return JSON.writeValueAsString(
          Map.of(
              "jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", method, "params", params));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 1.0 user message with one data part. */
  static Map<String, Object> dataMessage(Map<String, Object> data) {
    return Map.of(
        "message",
        Map.of(
            "messageId",
            "m-" + System.nanoTime(),
            "role",
            "ROLE_USER",
            "parts",
            List.of(Map.of("data", data))));
  }

  /** A 1.0 user message with one text part. */
  static Map<String, Object> textMessage(String text) {
    return Map.of(
        "message",
        Map.of(
            "messageId",
            "m-" + System.nanoTime(),
            "role",
            "ROLE_USER",
            "parts",
            List.of(Map.of("text", text))));
  }
}
