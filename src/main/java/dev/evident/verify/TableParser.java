package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims of tables whose columns are counts or statuses: one claim per row, its subject from the
 * first column that is not a count ("Suite", "Category", "Module"), a row named Total/All/Overall
 * being the whole run. Columns headed Target, Goal, Planned or Expected are plans and left out, and
 * so is every table in a plan section but for its columns of points in time ({@link TimeColumns}).
 * A two-column table of labels and values ("Tests collected | 56") is read row by row as "label:
 * value". A Total row is checked against the sum of the others.
 */
final class TableParser {

  /** The rows' claims and the rows the report's own arithmetic contradicts, with why. */
  record Parsed(List<Claim> claims, Map<Claim, String> inconsistent) {}

  private static final Pattern CELL_NUMBER =
      Pattern.compile(
          "^[^\\w~≈<>]*(?<bound>~|≈|about|over|>=?|<=?|at least)?\\s*(?<n>\\d[\\d,]*(?:\\.\\d+)?)"
              + "\\s*(?<pct>%)?(?:\\s*/\\s*(?<m>\\d[\\d,]*))?");

  private TableParser() {}

  static Parsed parse(TableBlock table) {
    List<Claim> claims = new ArrayList<>();
    Map<Claim, String> inconsistent = new IdentityHashMap<>();
    if (table.header().isEmpty()) {
      return new Parsed(claims, inconsistent);
    }
    List<Claim> overTime = TimeColumns.parse(table);
    if (table.section().isPlan()) {
      // "## Test targets by epic" over "| Epic | Target | Sprint 41 | Sprint 42 |": the plan is
      // the Target column; the sprints' columns say what ran.
      return new Parsed(overTime, inconsistent);
    }
    if (!overTime.isEmpty()) {
      return new Parsed(overTime, inconsistent);
    }
    List<Column> columns = new ArrayList<>();
    boolean skippedColumn = false;
    int subjectColumn = -1;
    for (int i = 0; i < table.header().size(); i++) {
      Column c = TableCells.rowNumbers(table, i) ? Column.ROW : column(table.header().get(i));
      columns.add(c);
      skippedColumn |= c == Column.SKIPPED;
      if (c == Column.NONE && subjectColumn < 0) {
        subjectColumn = i;
      }
    }
    boolean counts =
        columns.stream().anyMatch(c -> c != Column.NONE && c != Column.TARGET && c != Column.ROW);
    if (!counts) {
      List<Claim> changes = ChangeTables.parse(table);
      Parsed runs = changes.isEmpty() ? RunColumns.parse(table) : new Parsed(changes, Map.of());
      return runs.claims().isEmpty() ? KeyValueTables.parse(table) : runs;
    }
    Claim total = null;
    List<Claim> parts = new ArrayList<>();
    int statusColumn = columns.indexOf(Column.STATUS);
    for (TableBlock.Row row : table.rows()) {
      Claim done =
          statusColumn < 0 || statusColumn >= row.cells().size()
              ? null
              : StatusCells.read(row, row.cells().get(statusColumn), table.section().isTemporal());
      if (done != null) {
        claims.add(done); // "Done: `RetryPolicyTests` 13/13": about the class the cell names
        continue;
      }
      String label =
          subjectColumn >= 0 && subjectColumn < row.cells().size()
              ? row.cells().get(subjectColumn)
              : "";
      boolean isTotal = ChangeTables.totalRow(label);
      List<Quantity> stated = new ArrayList<>();
      List<Quantity> before = new ArrayList<>();
      Expectation expectation = null;
      for (int i = 0; i < columns.size() && i < row.cells().size(); i++) {
        Column c = columns.get(i);
        String cell = row.cells().get(i);
        if (c == Column.STATUS) {
          // "7 passed, 1 failed" under "Result": the counts say more than the mark
          List<Quantity> words = TableCells.sentence("", cell);
          expectation = words.isEmpty() ? status(cell) : expectation;
          stated.addAll(words);
        } else if (c.measure != null) {
          List<Quantity> words = TableCells.sentence(table.header().get(i), cell);
          Quantity q = words.isEmpty() ? quantity(c, cell, skippedColumn) : null;
          stated.addAll(q != null ? List.of(q) : words);
        } else if (c == Column.NONE && i != subjectColumn) {
          List<Quantity> words = TableCells.sentence("", cell); // "Evidence": "63/64, 1 skipped"
          stated.addAll(words.isEmpty() ? TableCells.leadingFraction(cell) : words);
          Double more = TableCells.moreTests(table.header().get(i), cell);
          before.add(more == null ? null : Quantity.exact(Measure.COLLECTED, -more));
        }
      }
      before = TableCells.baseline(stated, before);
      if (stated.stream()
          .anyMatch(q -> q.measure().isPart() && q.measure() != Measure.PASSING && q.value() > 0)) {
        expectation = null; // "✅ | 63/64, 1 skipped": the mark accepts the row as its counts say
      }
      if (stated.isEmpty() && expectation == null) {
        continue;
      }
      String text = "| " + String.join(" | ", row.cells()) + " |";
      Claim claim =
          new Claim(
              row.line(),
              text,
              ClaimKind.TABLE,
              subject(isTotal, label, table),
              stated,
              before,
              expectation,
              null,
              table.section().isTemporal());
      if (claim.subject().equals(table.section().subject())
          && !claim.subject().isEmpty()
          && table.section().impliesSubject()) {
        claim = claim.impliedBy(claim.subject());
      }
      claims.add(claim);
      if (isTotal) {
        total = claim;
      } else {
        parts.add(claim);
      }
    }
    TimeRows.apply(table, subjectColumn, claims);
    if (total != null && parts.size() >= 2) {
      for (Quantity t : total.stated()) {
        if (t.measure().isRate() || t.bound() != Bound.EXACT) {
          continue;
        }
        double sum = 0;
        boolean all = true;
        for (Claim p : parts) {
          Quantity q = p.quantity(t.measure());
          all &= q != null && q.bound() == Bound.EXACT;
          // a row whose own cells do not add up to its total leaves the column of totals unsure
          all &= !t.measure().isTotal() || Consistency.own(p) == null;
          sum += q == null ? 0 : q.value();
        }
        if (all && sum != t.value()) {
          inconsistent.put(
              total,
              "the rows above add up to %s %s, not %s"
                  .formatted(Quantity.exact(t.measure(), sum).display(), t.key(), t.display()));
        }
      }
    }
    return new Parsed(claims, inconsistent);
  }

  private static String subject(boolean isTotal, String label, TableBlock table) {
    String own = isTotal ? "" : Subjects.ofLabel(label);
    return own.isEmpty() ? table.section().subject() : own;
  }

  private static final Pattern DELTA =
      Pattern.compile(
          "(Δ|∆|delta|change|diff|difference|\\+/-|±|\\+/−|trend|net)", Pattern.CASE_INSENSITIVE);

  /** A column of differences between two others: "Δ", "Change", "+/-". */
  static boolean isDelta(String header) {
    return DELTA.matcher(header.replaceAll("[*_`]", "").strip()).matches();
  }

  private static Quantity quantity(Column c, String cell, boolean skippedColumn) {
    Matcher m = CELL_NUMBER.matcher(cell);
    if (!m.find() || TableCells.money(cell)) {
      return null;
    }
    String n = m.group("n");
    boolean percent = m.group("pct") != null;
    if (c == Column.PASS_RATE) {
      int decimals = n.contains(".") ? n.length() - n.indexOf('.') - 1 : 0;
      return new Quantity(
          Measure.PASS_RATE, CountParser.number(n), bound(m.group("bound")), decimals, "");
    }
    if (percent || n.contains(".")) {
      return null;
    }
    Measure measure = c.measure == Measure.TESTS && skippedColumn ? Measure.COLLECTED : c.measure;
    return new Quantity(measure, CountParser.number(n), bound(m.group("bound")), 0, "");
  }

  private static Bound bound(String sign) {
    if (sign == null) {
      return Bound.EXACT;
    }
    return switch (sign) {
      case ">" -> Bound.MORE_THAN;
      case ">=", "at least" -> Bound.AT_LEAST;
      case "<" -> Bound.LESS_THAN;
      case "<=" -> Bound.AT_MOST;
      case "over" -> Bound.MORE_THAN;
      default -> Bound.APPROX;
    };
  }

  private static Expectation status(String cell) {
    String c = cell.toLowerCase(Locale.ROOT);
    if (c.matches(".*(✅|✔|\\bpass(ed|ing|es)?\\b|\\bgreen\\b|\\bok\\b).*")) {
      return Expectation.PASS;
    }
    if (c.matches(".*(❌|✗|\\bfail(ed|ing|s)?\\b|\\bred\\b|\\bbroken\\b).*")) {
      return Expectation.FAIL;
    }
    if (c.matches(".*(⏭|\\bskip(ped|s)?\\b).*")) {
      return Expectation.SKIP;
    }
    return null;
  }

  private enum Column {
    NONE(null),
    PASSING(Measure.PASSING),
    FAILING(Measure.FAILING),
    ERRORED(Measure.ERRORED),
    SKIPPED(Measure.SKIPPED),
    FLAKY(Measure.FLAKY),
    TESTS(Measure.TESTS),
    COLLECTED(Measure.COLLECTED),
    EXECUTED(Measure.EXECUTED),
    PASS_RATE(Measure.PASS_RATE),
    TARGET(null),
    STATUS(null),
    /** "#": the rows' numbers 1, 2, 3, never a count. */
    ROW(null);

    final Measure measure;

    Column(Measure measure) {
      this.measure = measure;
    }
  }

  private static Column column(String header) {
    // "💥 Errors", "⏭️ Skipped": the word after the emoji names the column.
    String h =
        header
            .toLowerCase(Locale.ROOT)
            .replaceAll("[*_`]", "")
            .replaceFirst("^[\\p{So}\\p{Sk}\\uFE0F\\u200D\\s]+(?=\\p{L})", "")
            .strip();
    // "Tests (nightly)": the words in parentheses say where the counts come from
    h =
        h.replaceAll(
            "\\s*\\((?:nightly|latest|ci|main|today|now|current|last run|this run)\\)$", "");
    if (h.matches(".*\\b(target|goal|planned|expected|plan)\\b.*")) {
      return Column.TARGET;
    }
    if (h.matches(".*(pass rate|success rate|pass %|%|rate).*")) {
      return Column.PASS_RATE;
    }
    if (h.matches("(✅\\s*)?(passed|passing|pass|passes|ok|✅)")) {
      return Column.PASSING;
    }
    if (h.matches("(❌\\s*)?(failed|failing|failures|fail|fails|❌)")) {
      return Column.FAILING;
    }
    if (h.matches("errors?|errored")) {
      return Column.ERRORED;
    }
    if (h.matches("(⏭️?\\s*)?(skipped|skip|skips|ignored|blocked|not run|not executed|⏭️?)")) {
      return Column.SKIPPED;
    }
    if (h.equals("flaky")) {
      return Column.FLAKY;
    }
    if (h.matches("collected|tests collected|collected tests|test cases collected")) {
      return Column.COLLECTED;
    }
    if (h.matches("total|tests|# ?tests|count|number of tests|test count|total tests|#")) {
      return Column.TESTS;
    }
    if (h.matches("executed|run|ran")) {
      return Column.EXECUTED;
    }
    if (h.matches("status|result|state|outcome|verdict")) {
      return Column.STATUS;
    }
    return Column.NONE;
  }
}
