package dev.evident.report;

import java.util.List;

/** Markdown pieces for GitHub: code spans, escaped text, table cells, lists of run ids. */
final class Md {

  /** Longest text shown for one name or message; the rest is cut with an ellipsis. */
  static final int MAX_TEXT = 300;

  private Md() {}

  /** A code span that shows {@code s} literally, on one line, at most {@link #MAX_TEXT} chars. */
  static String code(String s) {
    String text = oneLine(s);
    if (text.isEmpty()) {
      return "";
    }
    String fence = text.contains("`") ? "``" : "`";
    boolean pad = text.startsWith("`") || text.endsWith("`");
    return fence + (pad ? " " + text + " " : text) + fence;
  }

  /** Plain text with Markdown and HTML characters escaped, on one line. */
  static String text(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : oneLine(s).toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table cell: pipes escaped even inside code spans, as GitHub's tables need. */
  static String cell(String markdown) {
    return markdown.replace("|", "\\|").replace("\\\\|", "\\|");
  }

  static String oneLine(String s) {
    String line = s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
  }

  /** "run 12", "runs 11 and 12", "20 runs (3 to 22)": the runs a section comes from. */
  static String runs(List<Long> ids) {
    if (ids.isEmpty()) {
      return "no run";
    }
    if (ids.size() == 1) {
      return "run " + ids.get(0);
    }
    if (ids.size() == 2) {
      long a = Math.min(ids.get(0), ids.get(1));
      long b = Math.max(ids.get(0), ids.get(1));
      return "runs " + a + " and " + b;
    }
    long min = ids.stream().mapToLong(Long::longValue).min().orElse(0);
    long max = ids.stream().mapToLong(Long::longValue).max().orElse(0);
    return Numbers.count(ids.size()) + " runs (" + min + " to " + max + ")";
  }

  /** "and 1,204 more" after a list cut to fit. */
  static String more(long n, String what) {
    return "and " + Numbers.count(n) + " more" + (what.isEmpty() ? "" : " " + what);
  }
}
