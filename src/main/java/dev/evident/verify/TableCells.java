package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How {@link TableParser} reads a cell that is more than a number, and a column of row numbers. */
final class TableCells {

  /** A cell that is one number, with a sign, a bound, a percent or a denominator at most. */
  private static final Pattern PLAIN =
      Pattern.compile(
          "^[^\\w]*(?:~|≈|about|over|>=?|<=?|at least)?\\s*\\d[\\d,]*(?:\\.\\d+)?\\s*%?"
              + "(?:\\s*/\\s*\\d[\\d,]*)?[^\\w]*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MONEY = Pattern.compile("[$€£¥₹]|\\b(?:USD|EUR|GBP)\\b");

  private TableCells() {}

  /** Whether a cell is an amount of money ("€95", "$1,200"): never a count or a rate of tests. */
  static boolean money(String cell) {
    return MONEY.matcher(cell).find();
  }

  /**
   * Whether column {@code i} numbers the rows: headed "#", "No." or nothing, and holding 1, 2, 3
   * and on (a checklist's "| 9 | Changelog updated | ✅ |"), so its numbers are not counts of tests.
   */
  static boolean rowNumbers(TableBlock table, int i) {
    String h = table.header().get(i).replaceAll("[*_`]", "").strip().toLowerCase();
    if (!h.matches("#|no\\.?|nr\\.?|n°|") || table.rows().size() < 2) {
      return false;
    }
    Integer previous = null;
    for (TableBlock.Row row : table.rows()) {
      String cell =
          row.cells().size() > i ? row.cells().get(i).replaceAll("[*_.`]", "").strip() : "";
      if (!cell.matches("\\d{1,3}")) {
        return false;
      }
      int n = Integer.parseInt(cell);
      if (previous == null ? n > 1 : n != previous + 1) {
        return false;
      }
      previous = n;
    }
    return true;
  }

  /**
   * The counts a cell with words states, read as a sentence under its header ("Tests: 27/27
   * passing", "63/64, 1 skipped"), or empty when it is a plain number or states something other
   * than tests (then the column's own reading stands, or nothing).
   */
  static List<Quantity> sentence(String header, String cell) {
    if (!cell.matches(".*\\d.*") || PLAIN.matcher(cell).matches()) {
      return List.of();
    }
    String label = header.replaceAll("[*_`]", "").strip();
    List<Quantity> stated = new ArrayList<>();
    for (CountParser.Found f :
        CountParser.parse(label.isEmpty() ? cell : label + ": " + cell, true)) {
      if (f.planned() || f.quantities().stream().anyMatch(q -> q.measure() == Measure.OTHER)) {
        return List.of();
      }
      stated.addAll(f.quantities());
    }
    return stated;
  }
}
