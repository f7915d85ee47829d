package dev.evident.model;

import java.util.List;
import java.util.Map;

/**
 * What a result says about its test beyond outcome and duration, for matching tests to categories
 * and telling integration tests apart: where it is defined, its tags and its properties.
 *
 * @param file the test's source file as the format gave it, or null
 * @param tags tags or markers
 * @param properties properties the format attached to the test
 */
public record TestFacts(String file, List<String> tags, Map<String, String> properties) {

  public static final TestFacts NONE = new TestFacts(null, List.of(), Map.of());

  public TestFacts {
    tags = List.copyOf(tags);
    properties = Map.copyOf(properties);
  }
}
