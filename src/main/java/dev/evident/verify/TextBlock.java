package dev.evident.verify;

import java.util.Objects;

/**
 * A paragraph, heading or code line of a report as plain text (markup removed, inline code kept in
 * backticks), with the report line of every character.
 *
 * @param kind what it is
 * @param text the text
 * @param lines the 1-based report line of each character of {@code text}
 * @param section the headings it is under
 * @param task for a task-list item, whether it is checked; null otherwise
 */
record TextBlock(Kind kind, String text, int[] lines, Section section, Boolean task) {

  enum Kind {
    PARAGRAPH,
    HEADING,
    CODE
  }

  TextBlock {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(section, "section");
    if (lines.length != text.length()) {
      throw new IllegalArgumentException("a line for every character");
    }
  }

  /** The report line of the character at {@code offset} (the last one when past the end). */
  int lineAt(int offset) {
    if (lines.length == 0) {
      return 1;
    }
    return lines[Math.max(0, Math.min(offset, lines.length - 1))];
  }
}
