package dev.evident.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Attempt;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Earlier attempts of a result as a JSON column: {@code [{"outcome": "FAILED", "duration_us": 12,
 * "failure": 4711}]}, failure texts referenced by their content id.
 */
final class Attempts {

  private Attempts() {}

  static String encode(List<Attempt> attempts, ToLongFunction<Failure> failureId) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Attempt a : attempts) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("outcome", a.outcome().name());
      row.put("duration_us", Sql.micros(a.duration()));
      row.put("failure", a.failure().isEmpty() ? null : failureId.applyAsLong(a.failure()));
      rows.add(row);
    }
    return Sql.json(rows);
  }

  static List<Attempt> decode(String json, LongFunction<Failure> failure) {
    List<Attempt> attempts = new ArrayList<>();
    for (JsonNode row : tree(json)) {
      JsonNode duration = row.get("duration_us");
      JsonNode failureId = row.get("failure");
      attempts.add(
          new Attempt(
              Outcome.valueOf(row.get("outcome").asText()),
              duration == null || duration.isNull()
                  ? null
                  : Duration.ofNanos(duration.asLong() * 1000),
              failureId == null || failureId.isNull()
                  ? Failure.NONE
                  : failure.apply(failureId.asLong())));
    }
    return attempts;
  }

  static int count(String json) {
    return tree(json).size();
  }

  private static JsonNode tree(String json) {
    try {
      return Sql.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt attempts in the store: " + e.getOriginalMessage(), e);
    }
  }
}
