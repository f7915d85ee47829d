package dev.evident.service;

import dev.evident.analyze.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one rule file (docs/rules.md): its rules, the ids it disables and its tables. Every error
 * is a {@link ConfigException} naming file, line and rule: {@code .evident/rules.yaml:14: rule
 * 'redis-down': unknown category 'srvice_unavailable' (did you mean 'service_unavailable'?); use
 * one of: ...}.
 *
 * @param rules the rules in file order
 * @param disable the ids of built-in rules to turn off, each with its node for messages
 * @param tables the tables the file's templates could use (the given ones plus its own)
 * @param ownTables the tables the file itself defines
 */
record RuleFile(
    List<Rule> rules,
    Map<String, ConfigNode> disable,
    Map<String, Map<String, String>> tables,
    Map<String, Map<String, String>> ownTables) {

  private static final List<String> TOP_KEYS = List.of("rules", "disable", "tables");

  /**
   * Parses a rule file's text.
   *
   * @param baseTables tables the file may use without defining them; its own entries win
   * @param overrides table entries that win over the file's own (a user's, when the built-in file
   *     is read again for a user who extends its tables)
   */
  static RuleFile parse(
      String text,
      String name,
      Map<String, Map<String, String>> baseTables,
      Map<String, Map<String, String>> overrides) {
    ConfigNode root = ConfigNode.root(YamlTree.parse(text, name));
    Map<String, ConfigNode> top = root.mapping(TOP_KEYS, "rules:");
    Map<String, Map<String, String>> own = new LinkedHashMap<>();
    if (top.containsKey("tables")) {
      top.get("tables")
          .mapping(null, "pip: {yaml: pyyaml}")
          .forEach(
              (table, entries) ->
                  entries
                      .mapping(null, "yaml: pyyaml")
                      .forEach(
                          (key, value) ->
                              own.computeIfAbsent(table, t -> new LinkedHashMap<>())
                                  .put(key, value.text("a text"))));
    }
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    for (var layer : List.of(baseTables, own, overrides)) {
      layer.forEach((k, v) -> tables.computeIfAbsent(k, t -> new LinkedHashMap<>()).putAll(v));
    }
    Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
    tables.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    Map<String, ConfigNode> disable = new LinkedHashMap<>();
    if (top.containsKey("disable")) {
      for (ConfigNode item : top.get("disable").list("[python-assertion, go-undefined]")) {
        disable.put(item.text("a rule id"), item);
      }
    }
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    if (top.containsKey("rules")) {
      for (ConfigNode item : top.get("rules").list("- id: my-rule")) {
        Rule rule = RuleEntry.parse(item, frozen);
        Integer first = seen.putIfAbsent(rule.id(), item.line());
        if (first != null) {
          throw item.error(
              "rule '" + rule.id() + "' is defined twice (first at line " + first + ")");
        }
        rules.add(rule);
      }
    }
    Map<String, Map<String, String>> ownFrozen = new LinkedHashMap<>();
    own.forEach((k, v) -> ownFrozen.put(k, Map.copyOf(v)));
    return new RuleFile(rules, disable, frozen, ownFrozen);
  }
}
