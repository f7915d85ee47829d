package dev.evident.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schemas for tool inputs and outputs, written as the maps the SDK sends. */
final class Schema {

  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();
  private final String description;

  private Schema(String description) {
    this.description = description;
  }

  /** An object whose properties follow. */
  static Schema object() {
    return new Schema(null);
  }

  static Schema object(String description) {
    return new Schema(description);
  }

  Schema optional(String name, Map<String, Object> schema) {
    properties.put(name, schema);
    return this;
  }

  Schema required(String name, Map<String, Object> schema) {
    properties.put(name, schema);
    required.add(name);
    return this;
  }

  /** For inputs: no property besides those listed. */
  Map<String, Object> closed() {
    Map<String, Object> schema = build();
    schema.put("additionalProperties", false);
    return schema;
  }

  /** For outputs: the listed properties, and possibly more. */
  Map<String, Object> build() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    if (description != null) {
      schema.put("description", description);
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    return schema;
  }

  static Map<String, Object> string(String description) {
    return typed("string", description);
  }

  static Map<String, Object> nullableString(String description) {
    return typed(List.of("string", "null"), description);
  }

  static Map<String, Object> integer(String description) {
    return typed("integer", description);
  }

  static Map<String, Object> nullableInteger(String description) {
    return typed(List.of("integer", "null"), description);
  }

  static Map<String, Object> integer(String description, int min, int max) {
    Map<String, Object> schema = typed("integer", description);
    schema.put("minimum", min);
    schema.put("maximum", max);
    return schema;
  }

  static Map<String, Object> number(String description) {
    return typed("number", description);
  }

  static Map<String, Object> bool(String description) {
    return typed("boolean", description);
  }

  static Map<String, Object> oneOf(String description, List<String> values) {
    Map<String, Object> schema = typed("string", description);
    schema.put("enum", values);
    return schema;
  }

  static Map<String, Object> array(String description, Map<String, Object> items) {
    Map<String, Object> schema = typed("array", description);
    schema.put("items", items);
    return schema;
  }

  static Map<String, Object> nullable(Map<String, Object> schema) {
    Map<String, Object> copy = new LinkedHashMap<>(schema);
    copy.put("type", List.of(schema.get("type"), "null"));
    return copy;
  }

  /** An object of string values (labels, attributes). */
  static Map<String, Object> stringMap(String description) {
    Map<String, Object> schema = typed("object", description);
    schema.put("additionalProperties", Map.of("type", "string"));
    return schema;
  }

  private static Map<String, Object> typed(Object type, String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    if (description != null) {
      schema.put("description", description);
    }
    return schema;
  }
}
