package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables of passing fractions per subject over time: "| Class | Sprint 22 | Sprint 23 |" with rows
 * "| OrderServiceTest | 10/14 | 14/14 |" (or "Before | After", "main | PR"). Each row is a change
 * of its subject: passing of all in the last column now, from the column before it in the baseline.
 */
final class ChangeTables {

  private static final Pattern FRACTION =
      Pattern.compile("^[^\\w]*(" + CountParser.NUMBER + ")\\s*/\\s*(" + CountParser.NUMBER + ")");

  private static final Pattern TOTAL_ROW =
      Pattern.compile("^\\W*(total|totals|all|overall|sum|Σ)\\W*$", Pattern.CASE_INSENSITIVE);

  /** A cell stating that the group was not there then: "–", "—", "n/a", "new". */
  private static final Pattern ABSENT =
      Pattern.compile("^\\W*(?:[-–—]|n/?a|none|new|absent)?\\W*$", Pattern.CASE_INSENSITIVE);

  private ChangeTables() {}

  /** Whether a cell says the row's group was not in that run ("–", "n/a", "new"). */
  static boolean absent(String cell) {
    return ABSENT.matcher(cell).matches();
  }

  /** The rows' change claims, or empty when the table is not one of fractions over time. */
  static List<Claim> parse(TableBlock table) {
    int columns = table.header().size();
    if (columns < 3 || table.rows().isEmpty()) {
      return List.of();
    }
    List<Claim> claims = new ArrayList<>();
    for (TableBlock.Row row : table.rows()) {
      if (row.cells().size() < columns) {
        return List.of();
      }
      Matcher now = FRACTION.matcher(row.cells().get(columns - 1));
      Matcher before = FRACTION.matcher(row.cells().get(columns - 2));
      if (!now.find() || !before.find()) {
        return List.of(); // every row a fraction in both columns, or it is another kind of table
      }
      claims.add(rowChange(row, passing(now), passing(before)));
    }
    return claims;
  }

  /** Whether a row's label names the whole table ("Total", "All", "Σ"). */
  static boolean totalRow(String label) {
    return TOTAL_ROW.matcher(label).matches();
  }

  /**
   * A table row as a change from {@code before} to {@code now}, about the group its label names
   * (the whole run for a total row).
   */
  static Claim rowChange(TableBlock.Row row, List<Quantity> now, List<Quantity> before) {
    String label = row.cells().get(0);
    return new Claim(
        row.line(),
        "| " + String.join(" | ", row.cells()) + " |",
        ClaimKind.TABLE,
        totalRow(label) ? "" : Subjects.ofLabel(label),
        now,
        before,
        null,
        null,
        false);
  }

  private static final Pattern PLAIN = Pattern.compile("^[^\\w+−-]*(\\d+)[^\\w]*$");

  private static final Pattern SIGNED = Pattern.compile("^[^\\w+−-]*([+−-])?\\s*(\\d+)[^\\w%]*$");

  /**
   * The column of differences of a table ("Δ", "Change", "+/-"), or -1: the first one, as {@link
   * TableParser#isDelta} reads its header.
   */
  static int deltaColumn(TableBlock table) {
    for (int i = 1; i < table.header().size(); i++) {
      if (TableParser.isDelta(table.header().get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Why a row's difference cell is not its later number less its earlier one ("| 24 | 25 | +2 |"),
   * or null: checked only where the three cells are whole numbers.
   */
  static String deltaMismatch(TableBlock.Row row, int before, int now, int delta) {
    if (delta < 0 || row.cells().size() <= Math.max(delta, Math.max(before, now))) {
      return null;
    }
    Matcher a = PLAIN.matcher(row.cells().get(before));
    Matcher b = PLAIN.matcher(row.cells().get(now));
    Matcher d = SIGNED.matcher(row.cells().get(delta));
    if (!a.matches() || !b.matches() || !d.matches()) {
      return null;
    }
    long stated =
        Long.parseLong(d.group(2)) * (d.group(1) != null && !d.group(1).equals("+") ? -1 : 1);
    long actual = Long.parseLong(b.group(1)) - Long.parseLong(a.group(1));
    return stated == actual
        ? null
        : "%s → %s is %s%d, not %s"
            .formatted(
                a.group(1),
                b.group(1),
                actual < 0 ? "−" : "+",
                Math.abs(actual),
                row.cells().get(delta).strip());
  }

  static List<Quantity> passing(Matcher fraction) {
    return List.of(
        Quantity.exact(Measure.PASSING, CountParser.number(fraction.group(1))),
        new Quantity(
            Measure.TESTS, CountParser.number(fraction.group(2)), Bound.EXACT, 0, CountParser.OF));
  }
}
