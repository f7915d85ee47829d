package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables whose columns are points in time, wherever they stand among other columns: "| Area | Week
 * 45 | Week 47 | State |" with rows "| Data | 18/25 | 24/25 | one query left |", or "| Test | #5512
 * | #5513 | Call |" with rows "| `Refund_IsIdempotent` | ❌ failed | ✅ passed | flaky |". The last
 * such column is the latest run, the one before it the baseline. A row of fractions is a change of
 * its subject (passing of all); a row of outcomes is a claim about the test it names: fixed (failed
 * then passed), regressed (passed then failed), or else the latest column's outcome.
 */
final class TimeColumns {

  private static final Pattern TIME =
      Pattern.compile(
          "(?:(?:week|wk|sprint|run|build|day|iteration|nightly|pipeline|job|rc|milestone)"
              + "\\s*#?\\s*\\d[\\w.-]*"
              + "|#\\d+|\\d{4}-\\d{2}-\\d{2}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:\\s+\\d+)?"
              + "|before|after|baseline|latest|now|then|previous|current|last week|this week"
              + "|yesterday|today|main|master|this pr|pr|pr\\s*#\\d+)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FRACTION =
      Pattern.compile("^[^\\w]*(" + CountParser.NUMBER + ")\\s*/\\s*(" + CountParser.NUMBER + ")");

  private TimeColumns() {}

  /** The rows' claims, or empty when fewer than two columns are points in time. */
  static List<Claim> parse(TableBlock table) {
    List<Integer> times = new ArrayList<>();
    for (int i = 1; i < table.header().size(); i++) {
      String h = table.header().get(i).replaceAll("[*_`]", "").strip();
      if (TIME.matcher(h).matches()) {
        times.add(i);
      }
    }
    if (times.size() < 2 || table.rows().isEmpty()) {
      return List.of();
    }
    int now = times.get(times.size() - 1);
    int before = times.get(times.size() - 2);
    List<Claim> claims = new ArrayList<>();
    for (TableBlock.Row row : table.rows()) {
      if (row.cells().size() <= now) {
        continue;
      }
      Claim c = claim(row, row.cells().get(before), row.cells().get(now));
      if (c != null) {
        claims.add(c);
      }
    }
    return claims;
  }

  private static Claim claim(TableBlock.Row row, String then, String now) {
    String label = row.cells().get(0);
    String text = "| " + String.join(" | ", row.cells()) + " |";
    Matcher a = FRACTION.matcher(then);
    Matcher b = FRACTION.matcher(now);
    if (a.find() && b.find()) {
      return ChangeTables.rowChange(row, ChangeTables.passing(b), ChangeTables.passing(a));
    }
    if (ChangeTables.absent(then) && FRACTION.matcher(now).find()) {
      // "| MisfireTests | – | 8/8 |": a group new in the run now, with nothing before
      Matcher fresh = FRACTION.matcher(now);
      fresh.find();
      return ChangeTables.rowChange(row, ChangeTables.passing(fresh), List.of());
    }
    Expectation was = outcome(then);
    Expectation is = outcome(now);
    String subject = Subjects.ofLabel(label);
    if (was == null || is == null || subject.isEmpty() || ChangeTables.totalRow(label)) {
      return null;
    }
    Expectation e = is;
    if (was == Expectation.FAIL && is == Expectation.PASS) {
      e = Expectation.FIXED;
    } else if (was == Expectation.PASS && is == Expectation.FAIL) {
      e = Expectation.REGRESSED;
    }
    return new Claim(
        row.line(), text, ClaimKind.TABLE, subject, List.of(), List.of(), e, null, false);
  }

  /** The outcome a cell states: passed, failed or skipped; null for anything else. */
  private static Expectation outcome(String cell) {
    String c = cell.toLowerCase(Locale.ROOT).strip();
    if (c.matches("(✅|✔️?|☑️?)?\\s*(pass(ed|es)?|ok|green)?") && !c.isEmpty()) {
      return Expectation.PASS;
    }
    if (c.matches("(❌|✗|✖️?)?\\s*(fail(ed|s)?|red|broken)?") && !c.isEmpty()) {
      return Expectation.FAIL;
    }
    if (c.matches("(⏭️?|⏸️?)?\\s*(skip(ped)?|ignored|pending|disabled)?") && !c.isEmpty()) {
      return Expectation.SKIP;
    }
    return null;
  }
}
