package dev.evident.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a format says about a suite as a whole, beside its tests.
 *
 * @param name the suite name
 * @param started when it started, or null
 * @param duration its duration as declared, or null
 * @param properties suite-level properties
 * @param stdout suite-level standard output, bounded
 * @param stderr suite-level standard error, bounded
 */
public record SuiteInfo(
    String name,
    Instant started,
    Duration duration,
    Map<String, String> properties,
    Excerpt stdout,
    Excerpt stderr) {

  public SuiteInfo {
    Objects.requireNonNull(name, "name");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }
}
