package dev.evident.report;

/** HTML pieces: text and attribute escaping, and JSON strings safe inside a script element. */
final class Html {

  private Html() {}

  /** Text or attribute value with {@code & < > " '} escaped; null as empty. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (r != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (r != null) {
          out.append(r);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * A JSON string literal that cannot end the script element it sits in: {@code < > &}, control
   * characters and the line separators U+2028 and U+2029 are written as {@code \}{@code uXXXX}.
   */
  static void jsonString(StringBuilder out, String s) {
    out.append('"');
    String text = s == null ? "" : s;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** {@code <tag>escaped text</tag>}. */
  static void element(StringBuilder out, String tag, String text) {
    out.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
  }
}
