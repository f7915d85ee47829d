package dev.evident.service;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the configuration file with its place (dotted path and line), for parsing sections:
 * every accessor checks the node's type and throws a {@link ConfigException} naming file, line,
 * path and what was expected.
 */
final class ConfigNode {

  private final YamlTree tree;
  private final JsonNode node;
  private final JsonPointer pointer;
  private final String path;

  private ConfigNode(YamlTree tree, JsonNode node, JsonPointer pointer, String path) {
    this.tree = tree;
    this.node = node;
    this.pointer = pointer;
    this.path = path;
  }

  static ConfigNode root(YamlTree tree) {
    return new ConfigNode(tree, tree.root(), JsonPointer.empty(), "");
  }

  /** Dotted path for messages: {@code requires.services.redis}, {@code requires.env[2]}. */
  String path() {
    return path;
  }

  /** The last key of the path. */
  String key() {
    return pointer.last() == null ? "" : pointer.last().getMatchingProperty();
  }

  int line() {
    return tree.line(pointer);
  }

  /** The file as messages name it. */
  String file() {
    return tree.name();
  }

  ConfigException error(String message) {
    return new ConfigException(tree.name() + ":" + line() + ": " + message);
  }

  /**
   * The entries of a mapping in file order; empty for a missing or null node.
   *
   * @param known the keys allowed here, or null to allow any key
   */
  Map<String, ConfigNode> mapping(Collection<String> known, String example) {
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    if (isAbsent()) {
      return entries;
    }
    if (!node.isObject()) {
      throw error(name() + " must be a mapping, like " + example + "; found " + describe());
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      ConfigNode child =
          new ConfigNode(
              tree,
              e.getValue(),
              pointer.appendProperty(e.getKey()),
              path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      if (known != null && !known.contains(e.getKey())) {
        throw child.error(unknownKey(e.getKey(), known));
      }
      entries.put(e.getKey(), child);
    }
    return entries;
  }

  /** The items of a sequence; empty for a missing or null node. */
  List<ConfigNode> list(String example) {
    List<ConfigNode> items = new ArrayList<>();
    if (isAbsent()) {
      return items;
    }
    if (!node.isArray()) {
      throw error(name() + " must be a list, like " + example + "; found " + describe());
    }
    for (int i = 0; i < node.size(); i++) {
      items.add(
          new ConfigNode(tree, node.get(i), pointer.appendIndex(i), path + "[" + (i + 1) + "]"));
    }
    return items;
  }

  /** A non-blank text value. */
  String text(String what) {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw error(path + " must be " + what + "; found " + describe());
    }
    return node.asText().strip();
  }

  /** A non-blank text value exactly as written: patterns keep their leading blanks. */
  String verbatim(String what) {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw error(path + " must be " + what + "; found " + describe());
    }
    return node.asText();
  }

  /** A number. */
  double number(String what) {
    if (!node.isNumber()) {
      throw error(path + " must be " + what + "; found " + describe());
    }
    return node.asDouble();
  }

  /** A whole number. */
  int integer(String what) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error(path + " must be " + what + "; found " + describe());
    }
    return node.asInt();
  }

  /** A boolean: {@code true} or {@code false}. */
  boolean bool(String what) {
    if (!node.isBoolean()) {
      throw error(path + " must be " + what + "; found " + describe());
    }
    return node.asBoolean();
  }

  /** A number or a text, as written: {@code 95} or {@code 95%}. */
  String scalar(String what) {
    if (!(node.isNumber() || node.isTextual()) || node.asText().isBlank()) {
      throw error(path + " must be " + what + "; found " + describe());
    }
    return node.asText().strip();
  }

  /** One text written as itself, or a list of them: {@code runners: pytest} or {@code [a, b]}. */
  List<ConfigNode> oneOrList(String example) {
    return node.isArray() ? list(example) : List.of(this);
  }

  /** The node itself, for a value the file gives as a JSON-like tree (a parameter schema). */
  JsonNode json() {
    return node;
  }

  boolean isAbsent() {
    return node == null || node.isNull() || node instanceof MissingNode;
  }

  private String name() {
    return path.isEmpty() ? "the file" : path;
  }

  /** What the node is, in words, for "found ..." in messages. */
  String describe() {
    if (isAbsent()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    return node.asText().isBlank() ? "empty text" : "text '" + node.asText() + "'";
  }

  private String unknownKey(String key, Collection<String> known) {
    String where = path.isEmpty() ? "" : " under " + path;
    return "unknown key '"
        + key
        + "'"
        + where
        + nearest(key, known)
            .map(k -> "; did you mean '" + k + "'?")
            .orElse("; known keys: " + String.join(", ", known));
  }

  /** The known word closest to a misspelt one, when it is close enough to be a likely typo. */
  static Optional<String> nearest(String word, Collection<String> known) {
    return known.stream()
        .filter(k -> distance(word.toLowerCase(Locale.ROOT), k) <= Math.max(1, k.length() / 3))
        .min(Comparator.comparingInt(k -> distance(word.toLowerCase(Locale.ROOT), k)));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
