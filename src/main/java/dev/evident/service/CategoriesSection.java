package dev.evident.service;

import dev.evident.analyze.Progress;
import dev.evident.model.TestCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code categories} section of the configuration file: categories of tests by name, in
 * the order of the file, each with a {@code match} and a {@code target}.
 */
final class CategoriesSection {

  static final String NAME = "categories";

  private static final List<String> KEYS = List.of("match", "target");
  private static final List<String> MATCH_KEYS = List.of("suite", "path", "tag", "property");
  private static final List<String> TARGET_KEYS = List.of("tests", "passed", "pass_rate");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");
  private static final Pattern PROPERTY = Pattern.compile("[^=\\s]+(=.*)?");

  private CategoriesSection() {}

  static List<TestCategory> parse(ConfigNode section) {
    List<TestCategory> categories = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> e :
        section
            .mapping(null, "unit: {match: {path: tests/unit/**}, target: {tests: 50}}")
            .entrySet()) {
      String name = e.getKey();
      ConfigNode category = e.getValue();
      if (name.equalsIgnoreCase(Progress.UNCATEGORISED) || name.isBlank()) {
        throw category.error(
            "'" + name + "' cannot name a category: it names the tests in no category");
      }
      Map<String, ConfigNode> keys = category.mapping(KEYS, "match: {suite: com.acme.it.*}");
      if (!keys.containsKey("match") || keys.get("match").isAbsent()) {
        throw category.error(
            category.path()
                + " needs match: with suite:, path:, tag: or property:, like match: {suite: com.acme.it.*}");
      }
      categories.add(
          new TestCategory(
              name,
              match(keys.get("match")),
              keys.containsKey("target") ? target(keys.get("target")) : TestCategory.Target.NONE));
    }
    return categories;
  }

  private static TestCategory.Match match(ConfigNode match) {
    Map<String, ConfigNode> keys = match.mapping(MATCH_KEYS, "suite: com.acme.it.*");
    if (keys.values().stream().allMatch(ConfigNode::isAbsent)) {
      throw match.error(match.path() + " needs at least one of suite:, path:, tag:, property:");
    }
    List<String> properties = patterns(keys.get("property"), "NAME=VALUE or NAME");
    for (int i = 0; i < properties.size(); i++) {
      if (!PROPERTY.matcher(properties.get(i)).matches()) {
        throw keys.get("property")
            .error(
                keys.get("property").path()
                    + ": '"
                    + properties.get(i)
                    + "' is not a property: write NAME=VALUE or NAME");
      }
    }
    return new TestCategory.Match(
        patterns(keys.get("suite"), "a suite pattern, like com.acme.it.*"),
        patterns(keys.get("path"), "a path glob, like tests/integration/**"),
        patterns(keys.get("tag"), "a tag, like integration"),
        properties);
  }

  private static List<String> patterns(ConfigNode node, String what) {
    List<String> patterns = new ArrayList<>();
    if (node != null && !node.isAbsent()) {
      for (ConfigNode item : node.oneOrList("[" + what + "]")) {
        patterns.add(item.text(what));
      }
    }
    return patterns;
  }

  private static TestCategory.Target target(ConfigNode target) {
    Map<String, ConfigNode> keys = target.mapping(TARGET_KEYS, "tests: 15, pass_rate: 90%");
    Integer tests = count(keys.get("tests"));
    Integer passed = count(keys.get("passed"));
    Double rate = keys.containsKey("pass_rate") ? rate(keys.get("pass_rate")) : null;
    if (tests != null && passed != null && passed > tests) {
      throw keys.get("passed")
          .error(
              keys.get("passed").path()
                  + ": "
                  + passed
                  + " passed of a target of "
                  + tests
                  + " tests cannot be met");
    }
    return new TestCategory.Target(tests, passed, rate);
  }

  private static Integer count(ConfigNode node) {
    if (node == null || node.isAbsent()) {
      return null;
    }
    int n = node.integer("a whole number of tests, like 15");
    if (n < 1) {
      throw node.error(node.path() + " must be at least 1; found " + n);
    }
    return n;
  }

  private static Double rate(ConfigNode node) {
    String example = "a percentage, like 90%";
    String text = node.text(example + " (with the %)");
    Matcher m = PERCENT.matcher(text);
    BigDecimal percent = m.matches() ? new BigDecimal(m.group(1)) : null;
    if (percent == null || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw node.error(
          node.path() + " must be " + example + ", from 0% to 100%; found " + node.describe());
    }
    return percent.doubleValue() / 100;
  }
}
