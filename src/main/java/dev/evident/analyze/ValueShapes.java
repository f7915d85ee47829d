package dev.evident.analyze;

import java.util.Set;

/**
 * The shapes of values that vary between occurrences of one failure: UUIDs, hashes, generated ids,
 * dates, times, durations, identity hashes. Each method looks at a position of a text and returns
 * where the shape ends, or -1 (or whether a range has the shape). For {@link Normalizer}.
 */
final class ValueShapes {

  private static final Set<String> DURATION_UNITS =
      Set.of("ns", "us", "µs", "ms", "s", "m", "h", "min", "mins", "sec", "secs");

  private static final int[] UUID_GROUPS = {8, 4, 4, 4, 12};

  private ValueShapes() {}

  static boolean wordAt(CharSequence s, int i) {
    return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
  }

  static int digitsEnd(CharSequence s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int hexEnd(CharSequence s, int i) {
    while (i < s.length() && isHex(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code 8-4-4-4-12} hex digits that end a word. */
  static int uuid(CharSequence s, int i) {
    int p = i;
    for (int k = 0; k < UUID_GROUPS.length; k++) {
      if (k > 0) {
        if (p >= s.length() || s.charAt(p) != '-') {
          return -1;
        }
        p++;
      }
      int end = hexEnd(s, p);
      if (end - p != UUID_GROUPS[k]) {
        return -1;
      }
      p = end;
    }
    return wordAt(s, p) ? -1 : p;
  }

  /** Hex digits only, at least 8, with a digit and a letter: a hash or an id, not a word. */
  static boolean hash(CharSequence s, int from, int to) {
    if (to - from < 8) {
      return false;
    }
    boolean digit = false;
    boolean letter = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isHex(c)) {
        return false;
      }
      digit |= isDigit(c);
      letter |= !isDigit(c);
    }
    return digit && letter;
  }

  /**
   * A generated name such as {@code tmpa8f3kq2z} or a session id: at least 8 characters, 2 digits,
   * and letters and digits alternating at least 3 times. {@code python311} and {@code TS2304} are
   * words.
   */
  static boolean generatedId(CharSequence s, int from, int to) {
    if (to - from < 8) {
      return false;
    }
    int digits = 0;
    int changes = 0;
    for (int i = from; i < to; i++) {
      boolean digit = isDigit(s.charAt(i));
      digits += digit ? 1 : 0;
      if (i > from && digit != isDigit(s.charAt(i - 1))) {
        changes++;
      }
    }
    return digits >= 2 && changes >= 3;
  }

  /** A date, {@code 2026-11-02} or {@code 2026/11/02}, not followed by a word (but by a T). */
  static int date(CharSequence s, int i) {
    boolean date =
        digitsEnd(s, i) - i == 4
            && i + 10 <= s.length()
            && (s.charAt(i + 4) == '-' || s.charAt(i + 4) == '/')
            && s.charAt(i + 7) == s.charAt(i + 4)
            && twoDigits(s, i + 5)
            && twoDigits(s, i + 8)
            && (!wordAt(s, i + 10) || s.charAt(i + 10) == 'T');
    return date ? i + 10 : -1;
  }

  /** {@code H:MM:SS} or {@code HH:MM:SS} with an optional fraction. */
  static int time(CharSequence s, int i) {
    int h = digitsEnd(s, i);
    if (h - i < 1 || h - i > 2 || h + 6 > s.length()) {
      return -1;
    }
    if (s.charAt(h) != ':'
        || !twoDigits(s, h + 1)
        || s.charAt(h + 3) != ':'
        || !twoDigits(s, h + 4)) {
      return -1;
    }
    int end = h + 6;
    if (end + 1 < s.length()
        && (s.charAt(end) == '.' || s.charAt(end) == ',')
        && isDigit(s.charAt(end + 1))) {
      end = digitsEnd(s, end + 1);
    }
    return wordAt(s, end) && s.charAt(end) != 'Z' ? -1 : end;
  }

  /** The end of a time zone ({@code Z}, {@code +01:00}, {@code -0500}), or i when none. */
  static int zone(CharSequence s, int i) {
    int n = s.length();
    if (i < n && s.charAt(i) == 'Z') {
      return i + 1;
    }
    if (i + 3 <= n && (s.charAt(i) == '+' || s.charAt(i) == '-') && twoDigits(s, i + 1)) {
      int end = i + 3;
      if (end + 2 < n && s.charAt(end) == ':' && twoDigits(s, end + 1)) {
        return end + 3;
      }
      return end + 1 < n && twoDigits(s, end) ? end + 2 : end;
    }
    return i;
  }

  private static boolean twoDigits(CharSequence s, int i) {
    return i + 1 < s.length() && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1));
  }

  /** Numbers with time units, Go style too ({@code 12.3s}, {@code 2000ms}, {@code 1h2m3.5s}). */
  static int duration(CharSequence s, int i) {
    int n = s.length();
    int p = i;
    boolean any = false;
    while (p < n && isDigit(s.charAt(p))) {
      p = digitsEnd(s, p);
      if (p + 1 < n && s.charAt(p) == '.' && isDigit(s.charAt(p + 1))) {
        p = digitsEnd(s, p + 1);
      }
      int unit = p;
      while (unit < n && (isAsciiLetter(s.charAt(unit)) || s.charAt(unit) == 'µ')) {
        unit++;
      }
      if (!DURATION_UNITS.contains(s.subSequence(p, unit).toString())) {
        return -1;
      }
      p = unit;
      any = true;
    }
    return any && !wordAt(s, p) ? p : -1;
  }

  /** A Java identity hash after {@code @}: 4 to 16 hex digits, one a digit, ending the token. */
  static int identityHash(CharSequence s, int i) {
    int end = hexEnd(s, i);
    if (end - i < 4
        || end - i > 16
        || wordAt(s, end)
        || (end < s.length() && s.charAt(end) == '.')) {
      return -1;
    }
    for (int k = i; k < end; k++) {
      if (isDigit(s.charAt(k))) {
        return end;
      }
    }
    return -1;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
