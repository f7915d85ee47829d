package dev.evident.execute;

import java.util.regex.Pattern;

/** Small helpers for reading runner output lines. */
final class Lines {

  private static final Pattern ANSI =
      Pattern.compile(
          "\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)");

  private Lines() {}

  /**
   * The line as a person sees it: colour codes removed, and only the text after the last carriage
   * return, since runners that redraw a line (progress bars) print the final text last.
   */
  static String clean(String line) {
    String plain = line.indexOf('\u001B') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
    int cr = plain.lastIndexOf('\r');
    if (cr >= 0) {
      String after = plain.substring(cr + 1);
      plain = after.isBlank() ? plain.substring(0, cr) : after;
    }
    return plain.replace("\r", "");
  }

  /** A count as runners print it, with optional thousands separators ("1,234"). */
  static long count(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  /** At most {@code max} characters, with an ellipsis when cut. */
  static String cut(String text, int max) {
    String s = text.strip();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
