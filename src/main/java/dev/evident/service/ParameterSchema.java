package dev.evident.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The subset of JSON Schema a suite's parameters are declared with: an object whose {@code
 * properties} each have {@code type} (string, integer, number, boolean), and optionally {@code
 * enum}, {@code default}, {@code minimum}, {@code maximum}, {@code pattern} (a regular expression
 * that must be found in the value, as JSON Schema says) and {@code description}; {@code required}
 * lists the names that have to be given. Parameters the schema does not declare are refused: they
 * end up in a command line. Stateless.
 */
final class ParameterSchema {

  private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean");
  private static final List<String> KEYWORDS =
      List.of("type", "enum", "default", "minimum", "maximum", "pattern", "description", "title");

  /** The parameters filled in with defaults, and what is wrong with those given. */
  record Applied(Map<String, Object> values, List<String> problems) {}

  private ParameterSchema() {}

  /** What is wrong with a schema itself (a configuration error), or empty. */
  static List<String> check(Map<String, Object> schema) {
    List<String> problems = new ArrayList<>();
    Object type = schema.get("type");
    if (type != null && !"object".equals(type)) {
      problems.add("type must be object, not " + type);
    }
    for (String key : schema.keySet()) {
      if (!Set.of("type", "properties", "required", "description", "title").contains(key)) {
        problems.add("unsupported keyword '" + key + "' (type, properties, required)");
      }
    }
    Map<String, Map<String, Object>> properties = properties(schema, problems);
    for (Map.Entry<String, Map<String, Object>> p : properties.entrySet()) {
      String name = p.getKey();
      Map<String, Object> property = p.getValue();
      for (String key : property.keySet()) {
        if (!KEYWORDS.contains(key)) {
          problems.add(
              name + ": unsupported keyword '" + key + "' (" + String.join(", ", KEYWORDS) + ")");
        }
      }
      if (!TYPES.contains(String.valueOf(property.get("type")))) {
        problems.add(name + ": type must be one of " + TYPES + ", not " + property.get("type"));
        continue;
      }
      if (property.get("pattern") != null) {
        try {
          Pattern.compile(String.valueOf(property.get("pattern")));
        } catch (PatternSyntaxException e) {
          problems.add(name + ": pattern is not a regular expression: " + e.getDescription());
        }
      }
      if (property.get("enum") != null && !(property.get("enum") instanceof List)) {
        problems.add(name + ": enum must be a list");
      }
      if (property.containsKey("default")) {
        List<String> wrong = new ArrayList<>();
        value(name, property, property.get("default"), wrong);
        wrong.forEach(w -> problems.add("default of " + w));
      }
    }
    for (Object name : required(schema)) {
      if (!properties.containsKey(String.valueOf(name))) {
        problems.add("required names " + name + ", which is not among the properties");
      }
    }
    return problems;
  }

  /** Checks given parameters and fills in defaults. */
  static Applied apply(Map<String, Object> schema, Map<String, Object> given) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> properties = properties(schema, new ArrayList<>());
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : given.keySet()) {
      if (!properties.containsKey(name)) {
        problems.add(
            "unknown parameter '"
                + name
                + "'"
                + (properties.isEmpty()
                    ? ": this suite takes none"
                    : " (known: "
                        + String.join(", ", new java.util.TreeSet<>(properties.keySet()))
                        + ")"));
      }
    }
    for (Map.Entry<String, Map<String, Object>> p : properties.entrySet()) {
      String name = p.getKey();
      Object value = given.containsKey(name) ? given.get(name) : p.getValue().get("default");
      if (value == null) {
        if (required(schema).contains(name)) {
          problems.add("missing required parameter '" + name + "'");
        }
        continue;
      }
      Object checked = value(name, p.getValue(), value, problems);
      if (checked != null) {
        values.put(name, checked);
      }
    }
    return new Applied(values, problems);
  }

  /** A value checked against its property; null (and a problem added) when it does not fit. */
  private static Object value(
      String name, Map<String, Object> property, Object value, List<String> problems) {
    String type = String.valueOf(property.get("type"));
    Object typed =
        switch (type) {
          case "string" -> value instanceof String ? value : null;
          case "boolean" -> value instanceof Boolean ? value : null;
          case "integer" -> integer(value);
          case "number" -> value instanceof Number n ? n : null;
          default -> null;
        };
    if (typed == null) {
      problems.add(name + " must be " + article(type) + ", not " + describe(value));
      return null;
    }
    if (property.get("enum") instanceof List<?> allowed && !contains(allowed, typed)) {
      problems.add(name + " must be one of " + allowed + ", not " + describe(value));
      return null;
    }
    if (typed instanceof Number n) {
      BigDecimal v = new BigDecimal(n.toString());
      if (property.get("minimum") instanceof Number min
          && v.compareTo(new BigDecimal(min.toString())) < 0) {
        problems.add(name + " must be at least " + min + ", not " + n);
        return null;
      }
      if (property.get("maximum") instanceof Number max
          && v.compareTo(new BigDecimal(max.toString())) > 0) {
        problems.add(name + " must be at most " + max + ", not " + n);
        return null;
      }
    }
    if (typed instanceof String s
        && property.get("pattern") != null
        && !Pattern.compile(String.valueOf(property.get("pattern"))).matcher(s).find()) {
      problems.add(name + " must match " + property.get("pattern") + ", not '" + s + "'");
      return null;
    }
    return typed;
  }

  private static Object integer(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
    }
    return null;
  }

  private static boolean contains(List<?> allowed, Object value) {
    for (Object a : allowed) {
      if (a instanceof Number x && value instanceof Number y) {
        if (new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0) {
          return true;
        }
      } else if (a != null && a.equals(value)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties(
      Map<String, Object> schema, List<String> problems) {
    Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
    Object raw = schema.get("properties");
    if (raw == null) {
      return properties;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      problems.add("properties must be a mapping of parameter names");
      return properties;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> p) {
        properties.put(String.valueOf(e.getKey()), (Map<String, Object>) p);
      } else {
        problems.add(e.getKey() + " must be a mapping like {type: string}");
      }
    }
    return properties;
  }

  private static List<?> required(Map<String, Object> schema) {
    return schema.get("required") instanceof List<?> r ? r : List.of();
  }

  private static String article(String type) {
    return (type.startsWith("i") ? "an " : "a ") + type;
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "the text '" + s + "'";
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
  }
}
