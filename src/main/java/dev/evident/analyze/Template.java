package dev.evident.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with entity placeholders, as rules write remediations and derived entities: {@code
 * {name}}, {@code {name|fallback}} (when the entity is absent), {@code {name@table}} (the entity
 * looked up in a named table: the value itself, then its dotted prefixes, longest first; on a miss
 * the value's first dotted segment) and {@code {name@table|fallback}} (on a miss, the fallback).
 * {@code {{} and {@code }}} write braces. Immutable and thread safe.
 */
public final class Template {

  private static final Pattern SLOT =
      Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:@([\\w.-]+))?(?:\\|(.*))?", Pattern.DOTALL);

  /** A text, or an entity slot (with an optional table and fallback). */
  private record Piece(
      String text, String name, String tableName, Map<String, String> table, Template fallback) {}

  private final String source;
  private final List<Piece> pieces;

  private Template(String source, List<Piece> pieces) {
    this.source = source;
    this.pieces = List.copyOf(pieces);
  }

  public static final Template EMPTY = new Template("", List.of());

  /**
   * Parses a template. A fallback is a template too: {@code {java|{required|a newer release}}}.
   *
   * @param tables the tables {@code {name@table}} may name
   * @throws IllegalArgumentException naming the problem: an unclosed brace, a bad slot, an unknown
   *     table
   */
  public static Template parse(String source, Map<String, Map<String, String>> tables) {
    Objects.requireNonNull(source, "source");
    List<Piece> pieces = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < source.length() && source.charAt(i + 1) == c) {
        text.append(c);
        i += 2;
        continue;
      }
      if (c == '}') {
        throw new IllegalArgumentException(
            "unmatched } at position " + (i + 1) + " (write }} for a brace)");
      }
      if (c != '{') {
        text.append(c);
        i++;
        continue;
      }
      int close = closing(source, i);
      String inner = source.substring(i + 1, close);
      Matcher slot = SLOT.matcher(inner);
      if (!slot.matches()) {
        throw new IllegalArgumentException(
            "bad placeholder '{"
                + inner
                + "}' (write {name}, {name|fallback} or {name@table}; {{ for a brace)");
      }
      String tableName = slot.group(2);
      Map<String, String> table = null;
      if (tableName != null) {
        table = tables.get(tableName);
        if (table == null) {
          throw new IllegalArgumentException(
              "unknown table '"
                  + tableName
                  + "' in {"
                  + inner
                  + "}"
                  + (tables.isEmpty() ? "" : "; tables: " + String.join(", ", tables.keySet())));
        }
      }
      if (!text.isEmpty()) {
        pieces.add(new Piece(text.toString(), null, null, null, null));
        text.setLength(0);
      }
      Template fallback = slot.group(3) == null ? null : parse(slot.group(3), tables);
      pieces.add(new Piece(null, slot.group(1), tableName, table, fallback));
      i = close + 1;
    }
    if (!text.isEmpty()) {
      pieces.add(new Piece(text.toString(), null, null, null, null));
    }
    return new Template(source, pieces);
  }

  /** The index of the brace that closes the one at {@code open}. */
  private static int closing(String source, int open) {
    int depth = 0;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unclosed { at position " + (open + 1) + " (write {{ for a brace)");
  }

  /** The entity names the template uses. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Piece p : pieces) {
      if (p.name() != null) {
        names.add(p.name());
      }
    }
    return names;
  }

  /** The entity names used without a fallback: they must be captured or derived. */
  public Set<String> requiredNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Piece p : pieces) {
      if (p.name() != null && p.fallback() == null) {
        names.add(p.name());
      }
    }
    return names;
  }

  public boolean isEmpty() {
    return pieces.isEmpty();
  }

  /**
   * The text with the entities filled in. An absent entity without a fallback is written as {@code
   * <name>}, so that a reader sees what is unknown instead of a silently shortened sentence.
   */
  public String render(Map<String, String> entities) {
    if (pieces.size() == 1 && pieces.get(0).text() != null) {
      return pieces.get(0).text();
    }
    StringBuilder out = new StringBuilder();
    render(entities, out, false);
    return out.toString();
  }

  /** The text, or null when an entity it needs (one without a fallback) is absent. */
  public String renderIfComplete(Map<String, String> entities) {
    StringBuilder out = new StringBuilder();
    return render(entities, out, true) ? out.toString() : null;
  }

  private boolean render(Map<String, String> entities, StringBuilder out, boolean strict) {
    for (Piece p : pieces) {
      if (p.text() != null) {
        out.append(p.text());
        continue;
      }
      String value = entities.get(p.name());
      if (value != null && !value.isEmpty() && p.table() != null) {
        value = lookup(p.table(), value, p.fallback() != null);
      }
      if (value != null && !value.isEmpty()) {
        out.append(value);
      } else if (p.fallback() != null) {
        if (!p.fallback().render(entities, out, strict)) {
          return false;
        }
      } else if (strict) {
        return false;
      } else {
        out.append('<').append(p.name()).append('>');
      }
    }
    return true;
  }

  /**
   * The table's value for the value or its longest dotted prefix; else null or the first segment.
   */
  private static String lookup(Map<String, String> table, String value, boolean hasFallback) {
    for (String key = value; ; ) {
      String found = table.get(key);
      if (found != null) {
        return found;
      }
      int dot = key.lastIndexOf('.');
      if (dot <= 0) {
        break;
      }
      key = key.substring(0, dot);
    }
    if (hasFallback) {
      return null;
    }
    int dot = value.indexOf('.');
    return dot > 0 ? value.substring(0, dot) : value;
  }

  @Override
  public String toString() {
    return source;
  }
}
