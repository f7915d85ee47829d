package dev.evident.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a report back with a marker after each checked claim: at the end of the claim's line, or
 * inside the last cell of a table row, so that the Markdown still renders as before.
 */
public final class Annotator {

  private Annotator() {}

  public static String annotate(String markdown, Verification v) {
    Map<Integer, List<String>> markers = new LinkedHashMap<>();
    for (CheckedClaim c : v.claims()) {
      markers.computeIfAbsent(c.claim().line(), k -> new ArrayList<>()).add(marker(c));
    }
    String[] lines = markdown.split("\n", -1);
    StringBuilder out = new StringBuilder(markdown.length() + markers.size() * 60);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      List<String> m = markers.get(i + 1);
      if (m != null) {
        String cr = line.endsWith("\r") ? "\r" : "";
        String body = cr.isEmpty() ? line : line.substring(0, line.length() - 1);
        String mark = String.join(" ", m);
        String trimmed = body.stripTrailing();
        if (trimmed.startsWith("|") && trimmed.endsWith("|") && trimmed.length() > 1) {
          body =
              trimmed.substring(0, trimmed.length() - 1).stripTrailing()
                  + " "
                  + mark.replace("|", "\\|")
                  + " |";
        } else {
          body = trimmed + " " + mark;
        }
        line = body + cr;
      }
      out.append(line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String marker(CheckedClaim c) {
    StringBuilder s = new StringBuilder("**[evident: ").append(c.verdict());
    if (c.verdict() != Verdict.SUPPORTED) {
      s.append(" — ").append(c.reason().replaceAll("\\s+", " "));
    } else if (!c.runs().isEmpty()) {
      s.append(", run").append(c.runs().size() == 1 ? " " : "s ").append(Scope.join(c.runs()));
    }
    return s.append("]**").toString();
  }
}
