package dev.evident.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters as numbers and key=value pairs, with 400s that say what is wrong. */
final class Params {

  private Params() {}

  static int limit(Context ctx, int fallback, int max) {
    Long limit = longParam(ctx, "limit");
    if (limit == null) {
      return fallback;
    }
    if (limit < 1 || limit > max) {
      throw HttpProblem.badRequest("limit must be from 1 to " + max + ", not " + limit);
    }
    return limit.intValue();
  }

  static int intParam(Context ctx, String name, int fallback) {
    Long value = longParam(ctx, name);
    return value == null ? fallback : (int) Math.min(Integer.MAX_VALUE, value);
  }

  static Long longParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n < 0) {
        throw HttpProblem.badRequest(name + " must not be negative, not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw HttpProblem.badRequest(name + " must be a number, not " + value);
    }
  }

  /** {@code key=value} values of a repeated parameter, as a map. */
  static Map<String, String> pairs(List<String> values, String name) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        throw HttpProblem.badRequest(name + "=" + v + " must be KEY=VALUE");
      }
      pairs.put(v.substring(0, eq).strip(), v.substring(eq + 1).strip());
    }
    return pairs;
  }
}
