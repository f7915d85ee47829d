package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/** Tables of labels and values ("| Tests collected | 56 |"), read by {@link TableParser}. */
final class KeyValueTables {

  private KeyValueTables() {}

  /**
   * A label | value table: each row read as "label: value". When the value columns are times ("Last
   * week | This week", "Before | After", "Baseline | Now"), each row is a change: the value under
   * the last column that is not an earlier time, from the value under the earlier one.
   */
  static TableParser.Parsed parse(TableBlock table) {
    List<Claim> claims = new ArrayList<>();
    int now = -1;
    int before = -1;
    for (int i = 1; i < table.header().size(); i++) {
      if (TableParser.isDelta(table.header().get(i))) {
        continue; // "Δ", "Change": the difference of two columns, never the value now
      }
      if (Plans.isTemporal(table.header().get(i))) {
        before = before < 0 ? i : before;
      } else {
        now = i;
      }
    }
    boolean runColumns = false;
    if (before < 0) {
      // "| | `main` | this PR |", "| | v1.2 | v1.3 |": runs left to right, the last one now.
      List<Integer> runs = new ArrayList<>();
      for (int i = 1; i < table.header().size(); i++) {
        if (RunColumns.isRunHeader(table.header().get(i))) {
          runs.add(i);
        }
      }
      if (runs.size() >= 2 && runs.get(runs.size() - 1) == now) {
        before = runs.get(runs.size() - 2);
        runColumns = true;
      }
    }
    if (now < 0) {
      return new TableParser.Parsed(
          claims, new IdentityHashMap<>()); // only earlier times: nothing now
    }
    java.util.Map<Claim, String> inconsistent = new IdentityHashMap<>();
    int delta = before < 0 ? -1 : ChangeTables.deltaColumn(table);
    String subject = table.section().subject();
    // A table comparing runs measures the runs: a heading that names no group of tests ("Results
    // for PR #12") leaves its rows about the whole run.
    boolean implied = !subject.isEmpty() && (runColumns || table.section().impliesSubject());
    for (TableBlock.Row row : table.rows()) {
      if (row.cells().size() <= now) {
        continue;
      }
      List<Quantity> stated = values(row.cells().get(0), row.cells().get(now));
      List<Quantity> earlier =
          before < 0 || row.cells().size() <= before
              ? List.of()
              : values(row.cells().get(0), row.cells().get(before));
      if (!stated.isEmpty()) {
        Claim c =
            new Claim(
                row.line(),
                "| " + String.join(" | ", row.cells()) + " |",
                ClaimKind.TABLE,
                subject,
                stated,
                earlier,
                null,
                null,
                table.section().isTemporal());
        claims.add(implied ? c.impliedBy(subject) : c);
        String why = ChangeTables.deltaMismatch(row, before, now, delta);
        if (why != null) {
          inconsistent.put(claims.get(claims.size() - 1), why);
        }
      }
    }
    rateOfRows(claims, inconsistent);
    return new TableParser.Parsed(claims, inconsistent);
  }

  /**
   * A pass rate row that its own table's rows disagree with: "| Executed | 15 |", "| Passed | 14
   * |", "| Pass rate | 100% |" (14 of 15 is 93.3%).
   */
  private static void rateOfRows(List<Claim> rows, java.util.Map<Claim, String> inconsistent) {
    Quantity passed = null;
    Quantity executed = null;
    Claim rate = null;
    for (Claim c : rows) {
      if (c.stated().size() != 1 || c.stated().get(0).bound() != Bound.EXACT) {
        continue;
      }
      Quantity q = c.stated().get(0);
      switch (q.measure()) {
        case PASSING -> passed = q;
        case EXECUTED -> executed = q;
        case PASS_RATE -> rate = c;
        default -> {}
      }
    }
    if (passed == null || executed == null || rate == null || inconsistent.containsKey(rate)) {
      return;
    }
    // The rows' figures read as one sentence, checked by the report's own arithmetic.
    Claim together =
        new Claim(
            rate.line(),
            rate.text(),
            ClaimKind.TABLE,
            rate.subject(),
            List.of(passed, executed, rate.stated().get(0)),
            List.of(),
            null,
            null,
            rate.temporal());
    String why = Consistency.own(together);
    if (why != null) {
      inconsistent.put(rate, "the table's own rows: " + why);
    }
  }

  private static List<Quantity> values(String label, String value) {
    List<Quantity> stated = new ArrayList<>();
    // "Flaky (passed on a retry)": the words in parentheses explain the label.
    String name = label.replaceAll("\\([^()]*\\)", " ").strip();
    for (CountParser.Found f : CountParser.parse(name + ": " + value, true)) {
      if (!f.planned()) {
        stated.addAll(f.quantities());
      }
    }
    return stated;
  }
}
