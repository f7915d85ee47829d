package dev.evident.mcp;

import dev.evident.model.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read by name and type. Every wrong argument becomes a {@link
 * BadArgumentException} naming the argument, what was sent, and what is valid.
 */
final class Args {

  private final String tool;
  private final Map<String, Object> raw;
  private final ToolAccess access;

  Args(String tool, Map<String, Object> raw, Set<String> known) {
    this(tool, raw, known, ToolAccess.ALL);
  }

  Args(String tool, Map<String, Object> raw, Set<String> known, ToolAccess access) {
    this.tool = tool;
    this.access = access;
    this.raw = raw == null ? Map.of() : raw;
    for (String name : this.raw.keySet()) {
      if (!known.contains(name)) {
        throw new BadArgumentException(
            "unknown argument '"
                + name
                + "' for "
                + tool
                + (known.isEmpty() ? "; it takes none" : "; valid arguments: " + list(known)));
      }
    }
  }

  String tool() {
    return tool;
  }

  ToolAccess access() {
    return access;
  }

  /**
   * The project argument, or null when absent; for a caller who sees one project, that project
   * (another one is refused).
   */
  String project() {
    String given = string("project");
    if (!access.restricted()) {
      return given;
    }
    if (given != null && !given.equals(access.project())) {
      throw new BadArgumentException(
          tool
              + ": this token is for project "
              + access.project()
              + ", not "
              + given
              + "; leave out project or give "
              + access.project());
    }
    return access.project();
  }

  /** The run, when the caller may see its project; otherwise as if there were no such run. */
  Run visible(Run run) {
    if (access.restricted() && !run.project().equals(access.project())) {
      throw new BadArgumentException(
          tool
              + ": no run "
              + run.id()
              + " in project "
              + access.project()
              + " (this token sees only that project); list_runs shows its runs");
    }
    return run;
  }

  /** Whether the caller may see runs of {@code project}. */
  boolean sees(String project) {
    return !access.restricted() || access.project().equals(project);
  }

  /** Whether the argument was given as a string (and not, say, as an array). */
  boolean isString(String name) {
    return raw.get(name) instanceof String;
  }

  /** A string, or null when absent; blank counts as absent. */
  String string(String name) {
    Object value = raw.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw bad(name, value, "a string");
    }
    return s.isBlank() ? null : s.strip();
  }

  /** A string as it was sent, not stripped (a document's text), or null when absent. */
  String text(String name) {
    Object value = raw.get(name);
    if (value != null && !(value instanceof String)) {
      throw bad(name, value, "a string");
    }
    return (String) value;
  }

  String string(String name, String fallback) {
    String s = string(name);
    return s == null ? fallback : s;
  }

  String requiredString(String name, String example) {
    String s = string(name);
    if (s == null) {
      throw new BadArgumentException(tool + " needs the argument '" + name + "', e.g. " + example);
    }
    return s;
  }

  /** One of {@code choices} (case-insensitive), returned as listed there, or null when absent. */
  String choice(String name, List<String> choices) {
    String s = string(name);
    if (s == null) {
      return null;
    }
    for (String c : choices) {
      if (c.equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw bad(name, s, "one of " + String.join(", ", choices));
  }

  int integer(String name, int fallback, int min, int max) {
    Object value = raw.get(name);
    if (value == null) {
      return fallback;
    }
    String range = "a whole number from " + min + " to " + max;
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > max) {
      throw bad(name, value, range);
    }
    return n.intValue();
  }

  boolean bool(String name, boolean fallback) {
    Object value = raw.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw bad(name, value, "true or false");
    }
    return b;
  }

  /** A list of strings; a single string counts as a list of one. Empty when absent. */
  List<String> strings(String name) {
    Object value = raw.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s);
    }
    if (!(value instanceof List<?> list)) {
      throw bad(name, value, "an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw bad(name, value, "an array of strings");
      }
      strings.add(s);
    }
    return strings;
  }

  /** Whether the argument was given (and not null). */
  boolean has(String name) {
    return raw.get(name) != null;
  }

  /** An object of JSON values, or empty when absent. */
  Map<String, Object> object(String name) {
    Object value = raw.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(name, value, "an object, e.g. {\"filter\": \"smoke\"}");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** An object whose values are strings (numbers and booleans are taken as their text). */
  Map<String, String> stringMap(String name) {
    Object value = raw.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(name, value, "an object of string values, e.g. {\"branch\": \"main\"}");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object v = e.getValue();
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw bad(name, value, "an object of string values, e.g. {\"branch\": \"main\"}");
      }
      strings.put(String.valueOf(e.getKey()), String.valueOf(v));
    }
    return strings;
  }

  BadArgumentException bad(String name, Object value, String expected) {
    return new BadArgumentException(
        tool + ": '" + name + "' must be " + expected + ", not " + shown(value));
  }

  private static String shown(Object value) {
    String s = value instanceof String str ? "\"" + str + "\"" : String.valueOf(value);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  private static String list(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
