package dev.evident.formats;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One TAP test point line, {@code not ok 3 - description # SKIP reason}, split into its parts.
 *
 * @param ok whether it starts with {@code ok} (not {@code not ok})
 * @param number the test number, or -1 when the line has none
 * @param description the description with a leading {@code - } removed and {@code \#} unescaped;
 *     empty when there is none
 * @param directive SKIP, TODO or none
 * @param reason the text after the directive keyword; empty when none
 * @param time the value of a node-tap {@code # time=12.3ms} note, unit included, or null
 * @param opensBlock whether the line ends in {@code {}: a node-tap buffered subtest whose child
 *     stream follows the test point instead of preceding it
 */
record TapTestPoint(
    boolean ok,
    long number,
    String description,
    Directive directive,
    String reason,
    String time,
    boolean opensBlock) {

  enum Directive {
    NONE,
    SKIP,
    TODO
  }

  private static final Pattern POINT =
      Pattern.compile("^(not\\s+)?ok(?=\\s|$)(?:\\s+(\\d{1,18})(?=\\s|#|$))?(.*)$");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*(skip|todo)\\S*(?:\\s+(.*))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME =
      Pattern.compile("^\\s*time=\\s*(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING_TIME =
      Pattern.compile("\\s*#\\s*time=\\s*(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);

  /** The test point on this line (stripped of indentation), or null when it is none. */
  static TapTestPoint parse(String content) {
    Matcher m = POINT.matcher(content);
    if (!m.matches()) {
      return null;
    }
    boolean ok = m.group(1) == null;
    long number = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
    String rest = m.group(3).strip();
    boolean opensBlock = rest.equals("{") || rest.endsWith(" {");
    if (opensBlock) {
      rest = rest.substring(0, rest.length() - 1).strip();
    }
    int hash = unescapedHash(rest);
    String description = unescape(hash < 0 ? rest : rest.substring(0, hash)).strip();
    if (description.startsWith("- ")) {
      description = description.substring(2).strip();
    } else if (description.equals("-")) {
      description = "";
    }
    Directive directive = Directive.NONE;
    String reason = "";
    String time = null;
    if (hash >= 0) {
      String note = rest.substring(hash + 1);
      Matcher d = DIRECTIVE.matcher(note);
      Matcher t = TIME.matcher(note);
      if (d.matches()) {
        directive = Directive.valueOf(d.group(1).toUpperCase(Locale.ROOT));
        reason = d.group(2) == null ? "" : d.group(2).strip();
        Matcher trailing = TRAILING_TIME.matcher(reason);
        if (trailing.find()) {
          time = trailing.group(1);
          reason = reason.substring(0, trailing.start()).strip();
        }
        reason = unescape(reason);
      } else if (t.matches()) {
        time = t.group(1);
      }
    }
    return new TapTestPoint(ok, number, description, directive, reason, time, opensBlock);
  }

  /** A plain {@code ok} with no number, description or directive. */
  boolean bare() {
    return ok && number < 0 && description.isEmpty() && directive == Directive.NONE;
  }

  private static int unescapedHash(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '#') {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    return text.replace("\\#", "#").replace("\\\\", "\\");
  }
}
