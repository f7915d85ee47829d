package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status cell of an action table that says what was done and names its proof: "Done: 4 new tests
 * in `KeyTests`", "Done: `RetryPolicyTests` 13/13", "Fixed: `Outbox_Retries` passing". The row is a
 * claim about the class or test the cell names, not about the action its label describes.
 */
final class StatusCells {

  private static final Pattern DONE =
      Pattern.compile(
          "(?i)^\\W*(?:done|fixed|closed|merged|shipped|completed?|resolved)\\s*[:—–-]\\s*(?<rest>.*\\S)\\s*$");

  /** The name the proof opens with: "`RetryPolicyTests` 13/13". */
  private static final Pattern NAME = Pattern.compile("^\\W*?`([^`]+)`");

  private static final Pattern PASSING =
      Pattern.compile("(?i)^\\s*(?:is\\s+|now\\s+)*(?:passing|passes|passed|green)\\W*$");

  private StatusCells() {}

  /** The claim a status cell states of the class or test it names, or null. */
  static Claim read(TableBlock.Row row, String cell, boolean temporal) {
    Matcher done = DONE.matcher(cell);
    if (!done.matches()) {
      return null;
    }
    String rest = done.group("rest");
    String text = "| " + String.join(" | ", row.cells()) + " |";
    Claim fresh = NewTests.read(row.line(), rest, temporal);
    if (fresh != null && !fresh.subject().isEmpty()) {
      return claim(row, text, fresh.subject(), fresh.stated(), null, temporal);
    }
    Matcher name = NAME.matcher(rest);
    if (!name.find()) {
      return null;
    }
    String after = rest.substring(name.end());
    List<Quantity> stated = TableCells.leadingFraction(after);
    if (!stated.isEmpty()) {
      return claim(row, text, name.group(1), stated, null, temporal);
    }
    return PASSING.matcher(after).matches()
        ? claim(row, text, name.group(1), List.of(), Expectation.PASS, temporal)
        : null;
  }

  private static Claim claim(
      TableBlock.Row row,
      String text,
      String subject,
      List<Quantity> stated,
      Expectation expectation,
      boolean temporal) {
    return new Claim(
        row.line(), text, ClaimKind.TABLE, subject, stated, List.of(), expectation, null, temporal);
  }
}
