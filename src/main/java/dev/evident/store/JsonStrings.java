package dev.evident.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the values the store writes most: maps of strings (attributes, properties) and lists of
 * strings (tags), written exactly as Jackson's default ObjectMapper writes them and read back,
 * without starting Jackson. Reading takes only that compact form; anything else (whitespace,
 * numbers, nulls) is left to Jackson. Thread safe.
 */
final class JsonStrings {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonStrings() {}

  /** The JSON of a map or list holding only strings; null for any other value. */
  static String write(Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !(e.getValue() instanceof String)) {
          return null;
        }
      }
      StringBuilder out = new StringBuilder(16 + map.size() * 32);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) e.getKey());
        out.append(':');
        string(out, (String) e.getValue());
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String)) {
          return null;
        }
      }
      StringBuilder out = new StringBuilder(16 + list.size() * 16);
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(out, (String) list.get(i));
      }
      return out.append(']').toString();
    }
    return null;
  }

  /** A quoted string with Jackson's escapes: the short ones, else \\u00XX below 0x20. */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The map of the compact JSON object {@code json}; null when it is not one of strings only. */
  static Map<String, String> readMap(String json) {
    Cursor in = new Cursor(json);
    if (!in.take('{')) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    if (in.take('}')) {
      return in.atEnd() ? map : null;
    }
    do {
      String key = in.string();
      if (key == null || !in.take(':')) {
        return null;
      }
      String value = in.string();
      if (value == null) {
        return null;
      }
      map.put(key, value);
    } while (in.take(','));
    return in.take('}') && in.atEnd() ? map : null;
  }

  /** The list of the compact JSON array {@code json}; null when it is not one of strings only. */
  static List<String> readList(String json) {
    Cursor in = new Cursor(json);
    if (!in.take('[')) {
      return null;
    }
    List<String> list = new ArrayList<>();
    if (in.take(']')) {
      return in.atEnd() ? list : null;
    }
    do {
      String item = in.string();
      if (item == null) {
        return null;
      }
      list.add(item);
    } while (in.take(','));
    return in.take(']') && in.atEnd() ? list : null;
  }

  private static final class Cursor {
    final String s;
    int at;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return at == s.length();
    }

    boolean take(char c) {
      if (at < s.length() && s.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    /** A quoted string with JSON escapes; null when there is none here. */
    String string() {
      if (!take('"')) {
        return null;
      }
      StringBuilder out = null;
      int start = at;
      while (at < s.length()) {
        char c = s.charAt(at);
        if (c == '"') {
          String tail = s.substring(start, at++);
          return out == null ? tail : out.append(tail).toString();
        }
        if (c < 0x20) {
          return null;
        }
        if (c != '\\') {
          at++;
          continue;
        }
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(s, start, at);
        if (at + 1 >= s.length()) {
          return null;
        }
        char e = s.charAt(at + 1);
        at += 2;
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (at + 4 > s.length()) {
              return null;
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
              char h = s.charAt(at + i);
              int digit =
                  h >= '0' && h <= '9'
                      ? h - '0'
                      : h >= 'a' && h <= 'f'
                          ? h - 'a' + 10
                          : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
              if (digit < 0) {
                return null;
              }
              code = code * 16 + digit;
            }
            out.append((char) code);
            at += 4;
          }
          default -> {
            return null;
          }
        }
        start = at;
      }
      return null;
    }
  }
}
