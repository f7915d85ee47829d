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

  private ChangeTables() {}

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

  static List<Quantity> passing(Matcher fraction) {
    return List.of(
        Quantity.exact(Measure.PASSING, CountParser.number(fraction.group(1))),
        new Quantity(
            Measure.TESTS, CountParser.number(fraction.group(2)), Bound.EXACT, 0, CountParser.OF));
  }
}
