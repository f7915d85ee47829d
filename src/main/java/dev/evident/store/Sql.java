package dev.evident.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small conversions between model values and columns, shared by the store's classes. */
final class Sql {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Sql() {}

  /** A JDBC callback that may throw {@link SQLException}. */
  @FunctionalInterface
  interface Work<T> {
    T run(java.sql.Connection connection) throws SQLException;
  }

  static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  static Long micros(Duration duration) {
    if (duration == null) {
      return null;
    }
    try {
      return duration.toNanos() / 1000;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  static Duration duration(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofNanos(value * 1000);
  }

  /** A duration from microseconds as {@link SuiteResults} keeps them; null for NO_DURATION. */
  static Duration duration(long micros) {
    return micros == SuiteResults.NO_DURATION ? null : Duration.ofNanos(micros * 1000);
  }

  static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  /** Runs an {@code INSERT ... RETURNING id} and returns the id. */
  static long returnedId(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the insert returned no id");
      }
      return rs.getLong(1);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> stringMap(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt JSON in the store: " + e.getOriginalMessage(), e);
    }
  }

  static List<String> stringList(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt JSON in the store: " + e.getOriginalMessage(), e);
    }
  }

  static ObjectMapper mapper() {
    return JSON;
  }
}
