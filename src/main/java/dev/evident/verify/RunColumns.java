package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables with one row per subject (module, class, package) and a column per run or time: "| Module
 * | Before | After | Notes |", "| Suite | Outage run | Rerun after restart |", "| package | tasks |
 * ckpt 1200 | ckpt 1800 | Δ |". Each row is a change of its subject: the last run column now, the
 * run column before it in the baseline (time runs left to right). The cells are fractions of
 * passing ("40/40"), counts with their status ("14 errored"), or bare numbers of passing under a
 * table with a total column ("tasks", "samples", "tests").
 */
final class RunColumns {

  private static final Pattern RUN_HEADER =
      Pattern.compile(
          "\\b(before|after|baseline|base|now|then|previous|prev|current|latest|last|old|new|main|develop|trunk"
              + "|master|branch|pr|nightly|yesterday|today|run|rerun|re-run|outage|ckpt|checkpoint"
              + "|sprint|week|q[1-4]|h[12]|v\\d[\\w.]*|#\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TOTAL_HEADER =
      Pattern.compile(
          "^\\W*(?:#\\s*)?(tasks|samples|problems|prompts|questions|items|cases|tests|total)\\W*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FRACTION =
      Pattern.compile(
          "^\\W*(" + CountParser.NUMBER + ")\\s*/\\s*(" + CountParser.NUMBER + ")\\W*$");

  /** A bare number, or one with its share of the total beside it: "39", "39 (65.0%)". */
  private static final Pattern BARE =
      Pattern.compile(
          "^\\s*(" + CountParser.NUMBER + ")(?:\\s*\\(\\s*\\d+(?:\\.\\d+)?\\s*%\\s*\\))?\\s*$");

  private RunColumns() {}

  /** Whether a column header names a run or a time ("main", "this PR", "Before", "v1.3"). */
  static boolean isRunHeader(String header) {
    return RUN_HEADER.matcher(header).find();
  }

  /** The rows' change claims, or empty when the table has no two run columns of counts. */
  static TableParser.Parsed parse(TableBlock table) {
    List<Claim> claims = new ArrayList<>();
    Map<Claim, String> inconsistent = new IdentityHashMap<>();
    read(table, claims, inconsistent);
    return new TableParser.Parsed(claims, inconsistent);
  }

  /** Adds the rows' claims, and those whose difference column is not their change, with why. */
  private static void read(TableBlock table, List<Claim> claims, Map<Claim, String> inconsistent) {
    List<Integer> runs = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    int total = -1;
    for (int i = 1; i < table.header().size(); i++) {
      String h = table.header().get(i);
      if (TableParser.isDelta(h)) {
        continue;
      }
      if (TOTAL_HEADER.matcher(h).matches()) {
        total = total < 0 ? i : total;
      } else if (readable(table, i, total)) {
        counts.add(i);
        if (RUN_HEADER.matcher(h).find()) {
          runs.add(i);
        }
      }
    }
    if (runs.size() == 1 && total >= 0 && counts.size() == 2) {
      runs = counts; // "| Package | Samples | Base | Fine-tune |": the run named, and the other one
    }
    if (runs.size() < 2 || table.rows().isEmpty()) {
      return;
    }
    int now = runs.get(runs.size() - 1);
    int before = runs.get(runs.size() - 2);
    int delta = ChangeTables.deltaColumn(table);
    for (TableBlock.Row row : table.rows()) {
      if (row.cells().size() <= now) {
        continue;
      }
      Double of = total < 0 ? null : CountParser.number(row.cells().get(total).strip());
      Claim claim =
          ChangeTables.rowChange(
              row, cell(row.cells().get(now), of), cell(row.cells().get(before), of));
      claims.add(claim);
      String why = ChangeTables.deltaMismatch(row, before, now, delta);
      if (why != null) {
        inconsistent.put(claim, why);
      }
    }
  }

  /** Whether every row's cell in column {@code i} reads as a count. */
  private static boolean readable(TableBlock table, int i, int total) {
    for (TableBlock.Row row : table.rows()) {
      if (row.cells().size() <= i
          || (total >= 0 && !BARE.matcher(row.cells().get(total)).matches())
          || cell(row.cells().get(i), total < 0 ? null : 0.0).isEmpty()) {
        return false;
      }
      Matcher bare = BARE.matcher(row.cells().get(i));
      if (bare.matches()
          && total >= 0
          && CountParser.number(bare.group(1))
              > CountParser.number(row.cells().get(total).strip())) {
        return false; // more passing than in all: not counts of passing (sizes, times)
      }
    }
    return true;
  }

  /** What a cell states: passing of all, counts with their status, or passing of {@code of}. */
  private static List<Quantity> cell(String text, Double of) {
    Matcher fraction = FRACTION.matcher(text);
    if (fraction.matches()) {
      return passing(CountParser.number(fraction.group(1)), CountParser.number(fraction.group(2)));
    }
    Matcher bare = BARE.matcher(text);
    if (bare.matches()) {
      return of == null ? List.of() : passing(CountParser.number(bare.group(1)), of);
    }
    List<Quantity> stated = new ArrayList<>();
    for (CountParser.Found f : CountParser.parse(text, true)) {
      if (f.planned() || f.quantities().stream().anyMatch(q -> q.measure() == Measure.OTHER)) {
        return List.of();
      }
      stated.addAll(f.quantities());
    }
    return stated;
  }

  private static List<Quantity> passing(double n, double of) {
    List<Quantity> qs = new ArrayList<>();
    qs.add(Quantity.exact(Measure.PASSING, n));
    if (of > 0) {
      qs.add(new Quantity(Measure.TESTS, of, Bound.EXACT, 0, CountParser.OF));
    }
    return qs;
  }
}
