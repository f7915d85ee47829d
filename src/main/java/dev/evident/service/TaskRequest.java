package dev.evident.service;

import java.util.Map;
import java.util.Objects;

/**
 * A request to run a suite declared in the server's configuration.
 *
 * @param suite the declared suite's name
 * @param parameters values for the suite's parameters (JSON values: String, Number, Boolean, List,
 *     Map); missing ones take their defaults
 * @param origin who asked, for the task list: {@code api}, {@code ui}, {@code a2a}, {@code mcp}
 */
public record TaskRequest(String suite, Map<String, Object> parameters, String origin) {
  public TaskRequest {
    Objects.requireNonNull(suite, "suite");
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    Objects.requireNonNull(origin, "origin");
  }
}
