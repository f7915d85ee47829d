package dev.evident.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Long lists of the HTML report as tables that stay usable with 100,000 rows: the first {@link
 * #SHOWN} rows are HTML (readable without JavaScript, with a note on how many are not shown and
 * where to get them); the rest are compact JSON in a {@code <script type="application/json">}
 * element that the page's script renders a page at a time ("Show more") and searches. Each row may
 * have a kind (an outcome or a cause category) the page's kind filter selects on.
 */
final class HtmlList {

  /** Rows rendered as HTML; the rest wait as JSON. */
  static final int SHOWN = 200;

  /** A column: its title, and whether it holds numbers (right-aligned) or names (monospace). */
  record Column(String title, String style) {
    static Column text(String title) {
      return new Column(title, "");
    }

    static Column code(String title) {
      return new Column(title, "code");
    }

    static Column number(String title) {
      return new Column(title, "num");
    }
  }

  /** A row: its kind ("failed", "assertion_failure", or empty) and its cells as plain text. */
  record Row(String kind, List<String> cells) {
    Row(String kind, String... cells) {
      this(kind, List.of(cells));
    }
  }

  private final Set<String> kinds = new TreeSet<>();
  private int lists;

  /** Every kind a list has shown so far, for the page's filter. */
  Set<String> kinds() {
    return kinds;
  }

  /**
   * A table of rows.
   *
   * @param rest where the rows not shown can be found without JavaScript ("evident report 12
   *     --format json")
   */
  void table(StringBuilder out, List<Column> columns, List<Row> rows, String rest) {
    int id = ++lists;
    boolean kinded = rows.stream().anyMatch(r -> !r.kind().isEmpty());
    out.append("<div class=\"list\" id=\"list-").append(id);
    out.append("\" data-total=\"").append(rows.size()).append('"');
    if (kinded) {
      out.append(" data-kinds");
    }
    out.append("><table><thead><tr>");
    for (Column c : columns) {
      out.append("<th class=\"").append(c.style()).append("\">");
      out.append(Html.esc(c.title())).append("</th>");
    }
    out.append("</tr></thead><tbody>\n");
    int shown = Math.min(SHOWN, rows.size());
    for (Row row : rows.subList(0, shown)) {
      kinds.add(row.kind());
      out.append("<tr data-k=\"").append(Html.esc(row.kind())).append("\">");
      for (int i = 0; i < columns.size(); i++) {
        out.append("<td class=\"").append(columns.get(i).style()).append("\">");
        out.append(Html.esc(i < row.cells().size() ? row.cells().get(i) : "")).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
    out.append("<p class=\"status\" aria-live=\"polite\"></p>\n");
    if (rows.size() > shown) {
      out.append("<p class=\"rest\">")
          .append(Numbers.count(rows.size() - shown))
          .append(" more of ")
          .append(Numbers.count(rows.size()))
          .append(" not shown here: with JavaScript on, Show more lists them; without, ")
          .append(Html.esc(rest))
          .append(" has them all.</p>\n");
      out.append("<script type=\"application/json\" class=\"rows\">[");
      List<Row> more = rows.subList(shown, rows.size());
      for (int r = 0; r < more.size(); r++) {
        Row row = more.get(r);
        kinds.add(row.kind());
        out.append(r == 0 ? "[" : ",\n[");
        Html.jsonString(out, row.kind());
        for (String cell : row.cells()) {
          out.append(',');
          Html.jsonString(out, cell);
        }
        out.append(']');
      }
      out.append("]</script>\n");
    }
    out.append("</div>\n");
    kinds.remove("");
  }
}
