package dev.evident.service;

import dev.evident.analyze.LaterLine;
import dev.evident.analyze.Rule;
import dev.evident.analyze.Rule.Part;
import dev.evident.analyze.Runners;
import dev.evident.analyze.Template;
import dev.evident.model.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one rule of a rule file (docs/rules.md), checking every key and value: errors name the
 * file, the line and the rule.
 */
final class RuleEntry {

  private static final List<String> KEYS =
      List.of(
          "id",
          "category",
          "priority",
          "runners",
          "in",
          "literal",
          "pattern",
          "patterns",
          "also",
          "unless",
          "later",
          "entities",
          "confidence",
          "remediation",
          "note");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][\\w.-]*");
  private static final Pattern ENTITY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final double DEFAULT_CONFIDENCE = 0.8;

  private RuleEntry() {}

  /** The rule an item of the rules list describes. */
  static Rule parse(ConfigNode item, Map<String, Map<String, String>> tables) {
    Map<String, ConfigNode> keys = item.mapping(null, "id: my-rule");
    if (!keys.containsKey("id")) {
      throw item.error(item.path() + ": a rule needs an id, like id: redis-down");
    }
    String id = keys.get("id").text("a rule id");
    if (!ID.matcher(id).matches()) {
      throw keys.get("id").error("rule '" + id + "': an id is letters, digits, '-', '_' and '.'");
    }
    String at = "rule '" + id + "': ";
    for (var entry : keys.entrySet()) {
      if (!KEYS.contains(entry.getKey())) {
        throw entry
            .getValue()
            .error(
                at
                    + "unknown key '"
                    + entry.getKey()
                    + "'"
                    + ConfigNode.nearest(entry.getKey(), KEYS)
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse("; known keys: " + String.join(", ", KEYS)));
      }
    }
    Category category = category(required(keys, "category", item, at), at);
    int priority =
        keys.containsKey("priority")
            ? keys.get("priority").integer("a whole number (higher wins)")
            : Rule.defaultPriority(category);
    double confidence = DEFAULT_CONFIDENCE;
    if (keys.containsKey("confidence")) {
      ConfigNode node = keys.get("confidence");
      confidence = node.number("a number from 0 to 1");
      if (!(confidence >= 0 && confidence <= 1)) {
        throw node.error(at + "confidence must be from 0 to 1; found " + node.describe());
      }
    }
    if (keys.containsKey("pattern") == keys.containsKey("patterns")) {
      throw item.error(
          at
              + (keys.containsKey("pattern")
                  ? "write pattern or patterns, not both"
                  : "a rule needs a pattern (or patterns: a list)"));
    }
    List<Pattern> patterns =
        keys.containsKey("pattern")
            ? List.of(pattern(keys.get("pattern"), at, 0))
            : patterns(keys.get("patterns"), at, 0);
    if (patterns.isEmpty()) {
      throw keys.get("patterns").error(at + "patterns must list at least one pattern");
    }
    Map<String, Template> entities = new LinkedHashMap<>();
    Set<String> available = capturedByEvery(patterns);
    List<LaterLine> later = later(keys.get("later"), available, at);
    if (keys.containsKey("entities")) {
      for (var e : keys.get("entities").mapping(null, "package: \"{module@pip}\"").entrySet()) {
        ConfigNode node = e.getValue();
        if (!ENTITY.matcher(e.getKey()).matches()) {
          throw node.error(at + "entity name '" + e.getKey() + "' must be letters and digits");
        }
        Template template = template(node, tables, at);
        entities.put(e.getKey(), template);
        Set<String> known = new HashSet<>(available);
        known.addAll(entities.keySet());
        if (known.containsAll(template.requiredNames())) {
          available.add(e.getKey());
        }
      }
    }
    Template remediation = Template.EMPTY;
    if (keys.containsKey("remediation")) {
      ConfigNode node = keys.get("remediation");
      remediation = template(node, tables, at);
      for (String name : remediation.requiredNames()) {
        if (!available.contains(name)) {
          throw node.error(
              at
                  + "remediation uses {"
                  + name
                  + "} without a fallback, but not every match has it; capture it in every"
                  + " pattern with (?<"
                  + name
                  + ">...) or write {"
                  + name
                  + "|text for when it is absent}"
                  + (available.isEmpty() ? "" : " (always there: " + String.join(", ", available))
                  + (available.isEmpty() ? "" : ")"));
        }
      }
    }
    if (keys.containsKey("note")) {
      keys.get("note").text("a text");
    }
    return new Rule(
        id,
        category,
        priority,
        runners(keys.get("runners"), at),
        parts(keys.get("in"), at),
        literals(keys.get("literal"), at),
        patterns,
        patterns(keys.get("also"), at, Pattern.MULTILINE),
        patterns(keys.get("unless"), at, Pattern.MULTILINE),
        later,
        entities,
        confidence,
        remediation);
  }

  private static ConfigNode required(
      Map<String, ConfigNode> keys, String key, ConfigNode item, String at) {
    ConfigNode node = keys.get(key);
    if (node == null || node.isAbsent()) {
      throw item.error(at + "a rule needs a " + key);
    }
    return node;
  }

  private static Category category(ConfigNode node, String at) {
    String id = node.text("a category id");
    try {
      return Category.byId(id);
    } catch (IllegalArgumentException e) {
      List<String> ids = Arrays.stream(Category.values()).map(Category::id).toList();
      throw node.error(
          at
              + "unknown category '"
              + id
              + "'"
              + ConfigNode.nearest(id, ids).map(k -> " (did you mean '" + k + "'?)").orElse("")
              + "; use one of: "
              + String.join(", ", ids));
    }
  }

  private static Set<String> runners(ConfigNode node, String at) {
    Set<String> runners = new LinkedHashSet<>();
    if (node == null || node.isAbsent()) {
      return runners;
    }
    for (ConfigNode item : node.oneOrList("[pytest, unittest]")) {
      String name = item.text("a runner or ecosystem name");
      Set<String> expanded = Runners.expand(name);
      if (expanded.isEmpty()) {
        throw item.error(
            at
                + "unknown runner '"
                + name
                + "'"
                + ConfigNode.nearest(name, Runners.names())
                    .map(k -> " (did you mean '" + k + "'?)")
                    .orElse("")
                + "; use an ecosystem (python, java, javascript, go, rust) or one of: "
                + String.join(", ", Runners.names()));
      }
      runners.addAll(expanded);
    }
    return runners;
  }

  private static Set<Part> parts(ConfigNode node, String at) {
    Set<Part> parts = new LinkedHashSet<>();
    if (node == null || node.isAbsent()) {
      return parts;
    }
    List<String> names = new ArrayList<>(Arrays.stream(Part.values()).map(Part::id).toList());
    names.add("any");
    for (ConfigNode item : node.oneOrList("[message, details]")) {
      String name = item.text("a part of the failure");
      if (name.equals("any")) {
        parts.addAll(Arrays.asList(Part.values()));
      } else if (names.contains(name)) {
        parts.add(Part.valueOf(name.toUpperCase(Locale.ROOT)));
      } else {
        throw item.error(
            at
                + "unknown part '"
                + name
                + "'"
                + ConfigNode.nearest(name, names)
                    .map(k -> " (did you mean '" + k + "'?)")
                    .orElse("")
                + "; use one of: "
                + String.join(", ", names));
      }
    }
    return parts;
  }

  private static List<String> literals(ConfigNode node, String at) {
    List<String> literals = new ArrayList<>();
    if (node != null && !node.isAbsent()) {
      for (ConfigNode item : node.oneOrList("[ECONNREFUSED, onnection refused]")) {
        literals.add(item.verbatim("a literal text that every matching line contains"));
      }
    }
    return literals;
  }

  private static List<Pattern> patterns(ConfigNode node, String at, int flags) {
    List<Pattern> patterns = new ArrayList<>();
    if (node != null && !node.isAbsent()) {
      for (ConfigNode item : node.oneOrList("['No module named (?<module>\\S+)']")) {
        patterns.add(pattern(item, at, flags));
      }
    }
    return patterns;
  }

  /**
   * The lines that must follow a match; each may use only the groups every pattern captures, since
   * the expression is completed from whichever pattern matched.
   */
  private static List<LaterLine> later(ConfigNode node, Set<String> captured, String at) {
    List<LaterLine> later = new ArrayList<>();
    if (node == null || node.isAbsent()) {
      return later;
    }
    for (ConfigNode item : node.oneOrList("['^\\s*{test} PASSED$']")) {
      String regex = item.verbatim("a regular expression with {name} for a captured group");
      LaterLine line;
      try {
        line = LaterLine.parse(regex);
      } catch (PatternSyntaxException e) {
        throw item.error(
            at
                + "bad later pattern '"
                + regex
                + "': "
                + e.getDescription()
                + " ({name} stands for a captured group)");
      }
      for (String name : line.names()) {
        if (!captured.contains(name)) {
          throw item.error(
              at
                  + "later uses {"
                  + name
                  + "}, but not every pattern captures it; capture it in every pattern with (?<"
                  + name
                  + ">...)");
        }
      }
      later.add(line);
    }
    return later;
  }

  private static Pattern pattern(ConfigNode node, String at, int flags) {
    String regex = node.verbatim("a regular expression");
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      String hint =
          e.getDescription().contains("named capturing group")
              ? " (group names are letters and digits, like (?<envVar>...))"
              : "";
      throw node.error(
          at
              + "bad pattern '"
              + regex
              + "': "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")
              + hint);
    }
  }

  private static Template template(
      ConfigNode node, Map<String, Map<String, String>> tables, String at) {
    String text = node.text("a text");
    try {
      return Template.parse(text, tables);
    } catch (IllegalArgumentException e) {
      throw node.error(at + node.key() + ": " + e.getMessage());
    }
  }

  private static Set<String> capturedByEvery(List<Pattern> patterns) {
    Set<String> names = new LinkedHashSet<>(patterns.get(0).namedGroups().keySet());
    for (Pattern p : patterns) {
      names.retainAll(p.namedGroups().keySet());
    }
    return names;
  }
}
