package dev.evident.service;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read as a Jackson tree, with the line of every node: Jackson's trees keep no
 * locations, so the tree is built here from the parser's tokens, which have them. For a mapping
 * entry the line is the key's line, where an error about the entry points.
 *
 * @param name the file as messages name it
 * @param root the document, a {@code NullNode} when it is empty
 * @param lines 1-based line of each node, by JSON pointer
 */
record YamlTree(String name, JsonNode root, Map<JsonPointer, Integer> lines) {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  YamlTree {
    lines = Map.copyOf(lines);
  }

  /** Reads one YAML document; errors are {@link ConfigException}s naming {@code name} and line. */
  static YamlTree parse(String text, String name) {
    Map<JsonPointer, Integer> lines = new HashMap<>();
    try (YAMLParser parser = YAML.createParser(text)) {
      Builder builder = new Builder(parser, name, lines);
      JsonNode root =
          parser.nextToken() == null ? NODES.nullNode() : builder.value(JsonPointer.empty());
      if (parser.nextToken() != null) {
        throw builder.error(
            "a second YAML document (after ---); " + name + " holds one", builder.line());
      }
      return new YamlTree(name, root, lines);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        throw invalid(name, marked.getProblemMark().getLine() + 1, marked);
      }
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(name + ":" + line + ": invalid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ConfigException invalid(String name, int line, MarkedYAMLException e) {
    String hint =
        e.getContext() != null && e.getContext().contains("block scalar")
            ? " (write values that start with > in quotes, like \">=3.10\")"
            : "";
    return new ConfigException(name + ":" + line + ": invalid YAML: " + e.getProblem() + hint);
  }

  int line(JsonPointer at) {
    return lines.getOrDefault(at, 1);
  }

  private record Builder(YAMLParser parser, String name, Map<JsonPointer, Integer> lines) {

    JsonNode value(JsonPointer at) throws IOException {
      lines.putIfAbsent(at, line());
      if (parser.isCurrentAlias()) {
        throw error(
            "aliases (*" + parser.getText() + ") are not supported; write the value out", line());
      }
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> mapping(at);
        case START_ARRAY -> sequence(at);
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
        case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
        case VALUE_NULL -> NODES.nullNode();
        default -> NODES.textNode(parser.getText());
      };
    }

    private ObjectNode mapping(JsonPointer at) throws IOException {
      ObjectNode node = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonPointer child = at.appendProperty(key);
        if (node.has(key)) {
          throw error(
              "duplicate key '" + key + "' (first at line " + lines.get(child) + ")", line());
        }
        lines.put(child, line());
        parser.nextToken();
        node.set(key, value(child));
      }
      return node;
    }

    private ArrayNode sequence(JsonPointer at) throws IOException {
      ArrayNode node = NODES.arrayNode();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        node.add(value(at.appendIndex(i)));
      }
      return node;
    }

    int line() {
      return parser.currentTokenLocation().getLineNr();
    }

    ConfigException error(String message, int line) {
      return new ConfigException(name + ":" + line + ": " + message);
    }
  }
}
