package dev.evident.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers, and the JSON body of errors. */
final class JsonBody {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBody() {}

  static void send(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void send(Context ctx, Object value) {
    send(ctx, 200, value);
  }

  static void error(Context ctx, int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    send(ctx, status, body);
  }
}
