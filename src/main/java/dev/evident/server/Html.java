package dev.evident.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An HTML document being written: text and attribute values are always escaped, markup goes in only
 * through {@link #raw} (for markup this code wrote itself, like the trend SVG). Not thread safe;
 * one per response.
 */
final class Html {

  private final StringBuilder out = new StringBuilder(8192);

  /** Escapes text for an element body or a quoted attribute value. */
  static String esc(Object value) {
    String s = value == null ? "" : value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A path segment or query value, percent-encoded. */
  static String enc(Object value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?a=1&b=2} of the pairs whose value is not null or blank; empty when none is. */
  static String query(String... pairs) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
        q.append(q.isEmpty() ? '?' : '&').append(pairs[i]).append('=').append(enc(pairs[i + 1]));
      }
    }
    return q.toString();
  }

  /** Text, escaped. */
  Html text(Object value) {
    out.append(esc(value));
    return this;
  }

  /** Markup this code produced itself; never data. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** An opening tag with attributes given as name, value pairs (values escaped; null: left out). */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(esc(attributes[i + 1]));
        out.append('"');
      }
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding escaped text. */
  Html el(String tag, Object text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  Html link(String href, Object text) {
    return el("a", text, "href", href);
  }

  /** A table row of cells holding escaped text. */
  Html row(Object... cells) {
    out.append("<tr>");
    for (Object cell : cells) {
      el("td", cell);
    }
    out.append("</tr>");
    return this;
  }

  /** A table header row. */
  Html head(String... cells) {
    out.append("<thead><tr>");
    for (String cell : cells) {
      el("th", cell);
    }
    out.append("</tr></thead>");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
