package dev.evident.model;

import java.util.Objects;

/**
 * A bounded excerpt of a long text such as a test's stdout: the text itself when it is short, else
 * its head and tail joined by a marker line, with the full length noted.
 *
 * @param text the excerpt
 * @param fullLength the length of the whole text in characters
 */
public record Excerpt(String text, long fullLength) {

  public static final Excerpt EMPTY = new Excerpt("", 0);

  public Excerpt {
    Objects.requireNonNull(text, "text");
  }

  public static Excerpt of(String text) {
    return text == null || text.isEmpty() ? EMPTY : new Excerpt(text, text.length());
  }

  public boolean isEmpty() {
    return fullLength == 0;
  }

  public boolean truncated() {
    return fullLength > text.length();
  }
}
