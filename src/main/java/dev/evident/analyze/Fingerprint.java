package dev.evident.analyze;

import dev.evident.model.Failure;
import java.util.Objects;

/**
 * What identifies a failure's cause: its type, its normalised first message line, the normalised
 * header of its deepest cause and the top {@value #FRAMES} normalised frames of that cause. Two
 * failures with the same fingerprint fail the same way; {@link Similarity} compares fingerprints
 * that differ.
 *
 * @param id 16 hex digits, a hash of {@code text}
 * @param text the normalised text, one part a line: type, message, cause, then the frames
 */
public record Fingerprint(String id, String text) {

  /** How many frames of the deepest cause take part. */
  public static final int FRAMES = 5;

  /**
   * The version of the fingerprinting rules (normalisation, frames). Fingerprints are stored (in
   * labels and the history index); when the rules change, this changes and the index is rebuilt.
   */
  public static final String VERSION = "1";

  /** Parts longer than this are cut before normalising: the start says what failed. */
  private static final int MAX_PART = 500;

  public Fingerprint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  public static Fingerprint of(Failure failure) {
    String type = Normalizer.normalize(cut(failure.type().strip()));
    String first = withoutType(firstLine(failure), failure.type().strip());
    String message = Normalizer.normalize(cut(first));
    String trace = failure.details().isBlank() ? failure.message() : failure.details();
    StackTraces.Trace deepest = StackTraces.parse(trace, FRAMES);
    String cause = Normalizer.normalize(cut(withoutType(deepest.cause(), failure.type().strip())));
    StringBuilder text = new StringBuilder(type.length() + message.length() + 256);
    text.append(type).append('\n').append(message).append('\n');
    text.append(cause.equals(message) ? "" : cause);
    for (String frame : deepest.frames()) {
      text.append('\n').append(Normalizer.normalize(cut(frame)));
    }
    String normalised = text.toString();
    return new Fingerprint(hash(normalised), normalised);
  }

  /** The normalised failure type: the first line of {@link #text}. */
  public String type() {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The first 8 hex digits, as reports print a group's id. */
  public String shortId() {
    return id.substring(0, 8);
  }

  /**
   * {@link Failure#firstLine}, without its regular expression: the first non-blank line of the
   * message, or of the details when the message is blank.
   */
  static String firstLine(Failure failure) {
    String text = failure.message().isBlank() ? failure.details() : failure.message();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String line = text.substring(start, end).strip();
      if (!line.isEmpty()) {
        return line;
      }
      start = end + 1;
    }
    return "";
  }

  /** {@code ConnectionError: Error 111} is reported as type and message by some formats. */
  private static String withoutType(String line, String type) {
    if (type.isEmpty()) {
      return line;
    }
    String simple = type.substring(type.lastIndexOf('.') + 1);
    for (String prefix : new String[] {type, simple}) {
      if (line.startsWith(prefix + ":")) {
        return line.substring(prefix.length() + 1).strip();
      }
    }
    return line;
  }

  private static String cut(String s) {
    return s.length() <= MAX_PART ? s : s.substring(0, MAX_PART);
  }

  /** A 64-bit FNV-1a hash with a final mix, as 16 hex digits; stable across JVMs. */
  static String hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
