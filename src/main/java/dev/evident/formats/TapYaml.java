package dev.evident.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TAP YAML diagnostic block ({@code ---} ... {@code ...}) being read: the raw text, bounded, and
 * the few top-level keys Evident uses, found by line scanning. No YAML library: the blocks are
 * small, only scalars of a handful of keys matter, and a malformed block must never stop the read.
 * Handles plain, quoted and multi-line scalars, {@code |} and {@code >} blocks, and sequences of
 * those (a stack as a list of lines). Not thread safe.
 */
final class TapYaml {

  /** Lines kept for scanning; the raw text keeps head and tail of longer blocks. */
  private static final int MAX_SCANNED_CHARS = 256 * 1024;

  private static final Pattern KEY =
      Pattern.compile("^([A-Za-z_][\\w .\\-]*?)\\s*:(?:\\s+(.*)|\\s*)$");

  private final int indent;
  private final BoundedText raw = new BoundedText(16 * 1024, 16 * 1024);
  private final List<String> lines = new ArrayList<>();
  private int scannedChars;

  /**
   * @param indent the indentation of the {@code ---} line, removed from the raw text
   */
  TapYaml(int indent) {
    this.indent = indent;
  }

  void add(String line) {
    String dedented = dedent(line, indent);
    if (!raw.isEmpty()) {
      raw.append("\n");
    }
    raw.append(dedented);
    if (scannedChars < MAX_SCANNED_CHARS) {
      lines.add(dedented);
      scannedChars += dedented.length() + 1;
    }
  }

  /** The block as written, without the markers and the block's own indentation; bounded. */
  String raw() {
    return raw.text().strip();
  }

  /** The scalar values of the wanted top-level keys, keys in lower case. */
  Map<String, String> fields(Set<String> wanted) {
    return fields(lines, wanted);
  }

  static Map<String, String> fields(List<String> lines, Set<String> wanted) {
    int keyIndent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        keyIndent = Math.min(keyIndent, TapLines.indent(line));
      }
    }
    Map<String, String> values = new HashMap<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      int end = i + 1;
      while (end < lines.size()
          && (lines.get(end).isBlank() || TapLines.indent(lines.get(end)) > keyIndent)) {
        end++;
      }
      Matcher m = line.isBlank() ? null : KEY.matcher(line.strip());
      if (m != null && TapLines.indent(line) == keyIndent && m.matches()) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        if (wanted.contains(key) && !values.containsKey(key)) {
          String inline = m.group(2) == null ? "" : m.group(2).strip();
          values.put(key, value(inline, trimBlank(lines.subList(i + 1, end))));
        }
      }
      i = end;
    }
    return values;
  }

  /** The text of a value: a scalar, or a nested mapping or sequence as dedented lines. */
  static String value(String inline, List<String> more) {
    if (inline.startsWith("|") || inline.startsWith(">")) {
      return block(more, inline.startsWith(">"));
    }
    if (inline.startsWith("'") || inline.startsWith("\"")) {
      return quoted(fold(inline, more));
    }
    if (inline.isEmpty() && !more.isEmpty()) {
      return nested(more);
    }
    if (inline.equals("~") || inline.equals("null")) {
      return "";
    }
    String plain = fold(inline, more);
    int comment = plain.indexOf(" #");
    return comment >= 0 ? plain.substring(0, comment).strip() : plain;
  }

  /** A sequence becomes its items' texts, one per line; a mapping stays as its lines. */
  private static String nested(List<String> lines) {
    int itemIndent = TapLines.indent(lines.get(0));
    String first = lines.get(0).strip();
    if (!first.equals("-") && !first.startsWith("- ")) {
      StringBuilder out = new StringBuilder();
      for (String line : lines) {
        out.append(out.isEmpty() ? "" : "\n").append(dedent(line, itemIndent));
      }
      return out.toString();
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      String item = lines.get(i).strip();
      int end = i + 1;
      while (end < lines.size()
          && (lines.get(end).isBlank() || TapLines.indent(lines.get(end)) > itemIndent)) {
        end++;
      }
      if (item.equals("-") || item.startsWith("- ")) {
        String text = value(item.substring(1).strip(), trimBlank(lines.subList(i + 1, end)));
        out.append(out.isEmpty() ? "" : "\n").append(text);
      }
      i = end;
    }
    return out.toString();
  }

  /** A {@code |} (literal) or {@code >} (folded) block scalar, trailing newlines clipped. */
  private static String block(List<String> lines, boolean folded) {
    int blockIndent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        blockIndent = Math.min(blockIndent, TapLines.indent(line));
      }
    }
    StringBuilder out = new StringBuilder();
    boolean lineStart = true;
    for (String line : lines) {
      if (line.isBlank()) {
        out.append('\n');
        lineStart = true;
        continue;
      }
      String text = dedent(line, blockIndent);
      if (!lineStart) {
        out.append(folded ? ' ' : '\n');
      }
      out.append(text);
      lineStart = false;
    }
    return out.toString().stripTrailing();
  }

  /** Joins a multi-line flow scalar: line breaks become spaces, blank lines newlines. */
  private static String fold(String inline, List<String> more) {
    StringBuilder out = new StringBuilder(inline);
    boolean afterBreak = inline.isEmpty();
    for (String line : more) {
      String text = line.strip();
      if (text.isEmpty()) {
        out.append('\n');
        afterBreak = true;
      } else {
        out.append(afterBreak ? "" : " ").append(text);
        afterBreak = false;
      }
    }
    return out.toString();
  }

  private static String quoted(String text) {
    char quote = text.charAt(0);
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'' && c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          out.append('\'');
          i++;
          continue;
        }
        return out.toString();
      }
      if (quote == '"' && c == '"') {
        return out.toString();
      }
      if (quote == '"' && c == '\\' && i + 1 < text.length()) {
        i++;
        char e = text.charAt(i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case '0' -> out.append('\0');
          case 'u' -> {
            if (i + 4 < text.length() && text.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
              out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
              i += 4;
            } else {
              out.append("\\u");
            }
          }
          case '\n' -> {
            // an escaped line break joins the lines
          }
          default -> out.append(e);
        }
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static List<String> trimBlank(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(0, end);
  }

  static String dedent(String line, int columns) {
    int i = 0;
    int seen = 0;
    while (i < line.length() && seen < columns) {
      char c = line.charAt(i);
      if (c == ' ') {
        seen++;
      } else if (c == '\t') {
        seen = (seen / 4 + 1) * 4;
      } else {
        break;
      }
      i++;
    }
    return line.substring(i);
  }
}
