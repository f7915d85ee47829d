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

  /** "+3 tests" under "vs `main`", "Δ", "Change": tests more than the baseline had. */
  private static final Pattern MORE_TESTS =
      Pattern.compile("^\\s*([+−-])\\s?(\\d+)\\s+tests?\\s*$", Pattern.CASE_INSENSITIVE);

  private static final Pattern AGAINST =
      Pattern.compile(
          "(?i)^\\W*(vs\\.?|versus|against|compared|since|from)\\b.*|.*\\b(Δ|∆|delta|change|diff)\\b.*");

  /** "9/10, SFTP upload not executed", "`TenantTests` 8/8": a cell that opens with a fraction. */
  private static final Pattern LEAD_FRACTION =
      Pattern.compile("^[^\\w`]*(?:`[^`]+`\\s*)?(\\d+)\\s*/\\s*(\\d+)(?=\\s*(?:[,;:(—–-]|$))");

  private TableCells() {}

  /**
   * The passing tests of all that a cell opens with ("11/12, `Webhook_RetriesOn503` failing"), read
   * only when the cell states no count in words; empty otherwise.
   */
  static List<Quantity> leadingFraction(String cell) {
    java.util.regex.Matcher m = LEAD_FRACTION.matcher(cell.replaceAll("[*_]", "").strip());
    if (!m.find() || money(cell) || cell.contains("%")) {
      return List.of();
    }
    double n = Double.parseDouble(m.group(1));
    double of = Double.parseDouble(m.group(2));
    if (of == 0 || n > of) {
      return List.of();
    }
    return List.of(
        Quantity.exact(Measure.PASSING, n),
        new Quantity(Measure.TESTS, of, Bound.EXACT, 0, CountParser.OF));
  }

  /**
   * The tests a row has more than in the baseline ("+3 tests" in a column headed "vs `main`"),
   * negative for fewer, or null.
   */
  static Double moreTests(String header, String cell) {
    java.util.regex.Matcher m = MORE_TESTS.matcher(cell.replaceAll("[*_`]", ""));
    if (!m.matches() || !AGAINST.matcher(header.replaceAll("[*_`]", "").strip()).matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(2));
    return m.group(1).equals("+") ? n : -n;
  }

  /**
   * What a row says of the baseline: with a difference of tests ({@code more} holds -N for "+N
   * tests", null elsewhere) beside the row's own total, the baseline's total; else nothing.
   */
  static List<Quantity> baseline(List<Quantity> stated, List<Quantity> more) {
    Quantity diff = more.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    Quantity total =
        stated.stream()
            .filter(q -> q.measure() == Measure.TESTS || q.measure() == Measure.COLLECTED)
            .findFirst()
            .orElse(null);
    if (diff == null || total == null || total.bound() != Bound.EXACT) {
      return List.of();
    }
    return List.of(Quantity.exact(Measure.COLLECTED, total.value() + diff.value()));
  }

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
