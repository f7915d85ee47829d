package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * Words that name the whole run where a part of it could stand: a table row labeled "Total",
 * "Overall" or "Full test suite (`dotnet test`)", a sentence about "this PR". Such a row or
 * sentence states the run's own quantities, and other lines that state them are compared with it.
 */
final class WholeRows {

  private WholeRows() {}

  /** A row label naming every test: "**Total**", "All tests", "Full test suite (`make test`)". */
  private static final Pattern WHOLE_LABEL =
      Pattern.compile(
          "(?i)^\\W*(?:the\\s+)?(?:totals?|overall|all(?:\\s+tests)?|sum|Σ"
              + "|(?:full|whole|entire|complete)\\s+(?:test\\s+)?suite)\\b[\\W]*(?:\\(.*\\))?\\W*$");

  /** The change the report is about, by a bare name: "PR", "this MR", "the pull request". */
  private static final Pattern THIS_CHANGE =
      Pattern.compile(
          "(?i)^(?:the\\s+|this\\s+)?(?:PR|MR|pull\\s+request|merge\\s+request)"
              + "(?:\\s*#?\\d+)?$");

  /** Whether a table row's label cell names the whole run rather than a part of it. */
  static boolean label(String cell) {
    return WHOLE_LABEL.matcher(cell.strip()).matches();
  }

  /** Whether a subject names the change the report is about, so the latest run as a whole. */
  static boolean thisChange(String subject) {
    return THIS_CHANGE.matcher(subject.strip().replaceAll("^`|`$", "")).matches();
  }

  /**
   * Whether a table row states the whole run's numbers: its label names every test, it names no
   * part of the run (or names it by the command that made it), and a total adds up to its rows.
   */
  static boolean row(Claim c, java.util.List<Claim> claims) {
    if (c.kind() != ClaimKind.TABLE || !c.subject().isEmpty() && !RunNames.names(c.subject())) {
      return false;
    }
    for (String cell : c.text().split("\\|")) {
      String t = cell.strip();
      if (!t.isEmpty() && !t.matches("[\\d.,%#\\s]*")) {
        return label(t) && addsUp(claims, c);
      }
    }
    return false;
  }

  /**
   * Whether a total row states what the rows right above it add up to (or has no such rows): a
   * total that its own rows do not make is wrong on its own, and is not the table's statement of
   * the run's quantities.
   */
  static boolean addsUp(java.util.List<Claim> claims, Claim total) {
    Quantity passing = total.quantity(Measure.PASSING);
    int at = claims.indexOf(total);
    double sum = 0;
    int rows = 0;
    for (int i = at - 1, line = total.line() - 1; i >= 0; i--) {
      Claim row = claims.get(i);
      if (row.kind() != ClaimKind.TABLE || row.line() != line) {
        break;
      }
      Quantity q = row.quantity(Measure.PASSING);
      if (q == null) {
        return true; // a row that states no passing count: the column cannot be summed
      }
      sum += q.value();
      rows++;
      line--;
    }
    return passing == null || rows < 2 || sum == passing.value();
  }
}
