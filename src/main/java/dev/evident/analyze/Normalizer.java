package dev.evident.analyze;

import static dev.evident.analyze.ValueShapes.date;
import static dev.evident.analyze.ValueShapes.digitsEnd;
import static dev.evident.analyze.ValueShapes.duration;
import static dev.evident.analyze.ValueShapes.generatedId;
import static dev.evident.analyze.ValueShapes.hash;
import static dev.evident.analyze.ValueShapes.hexEnd;
import static dev.evident.analyze.ValueShapes.identityHash;
import static dev.evident.analyze.ValueShapes.isDigit;
import static dev.evident.analyze.ValueShapes.time;
import static dev.evident.analyze.ValueShapes.uuid;
import static dev.evident.analyze.ValueShapes.wordAt;
import static dev.evident.analyze.ValueShapes.zone;

import java.util.Locale;
import java.util.Set;

/**
 * Normalises failure texts for fingerprinting: what differs between two occurrences of one cause
 * becomes a placeholder, what tells causes apart stays. Replaced: UUIDs ({@code <uuid>}), {@code
 * 0x} numbers and memory addresses ({@code <hex>}), hex hashes of 8 or more characters ({@code
 * <hash>}), generated ids mixing letters and digits ({@code <id>}), dates, times and timestamps
 * ({@code <date>}, {@code <time>}, {@code <timestamp>}), IPv4 addresses ({@code <ip>}), durations
 * such as {@code 12.3s}, {@code 2000ms} or {@code 10m0s} ({@code <duration>}), other numbers
 * ({@code <num>}), temp paths ({@code <tmp>}, keeping a plain file name), line and column numbers
 * after a source file ({@code Cart.java:12} becomes {@code Cart.java}), identity hashes ({@code
 * Foo@1b6d3586} becomes {@code Foo@<hex>}) and quoted texts longer than 64 characters that contain
 * a space ({@code "<text>"}). Digits inside a word ({@code python3}, {@code TS2304}) stay. Runs of
 * spaces become one; lines are kept.
 *
 * <p>One pass over the text without regular expressions, because grouping 50,000 failures
 * normalises a few hundred thousand lines. Thread safe (stateless).
 */
public final class Normalizer {

  private static final Set<String> SOURCE_EXTENSIONS =
      Set.of(
          "java", "kt", "kts", "scala", "groovy", "py", "pyx", "js", "mjs", "cjs", "jsx", "ts",
          "tsx", "mts", "cts", "go", "rs", "rb", "cs", "fs", "vb", "c", "cc", "cpp", "h", "hpp",
          "swift", "dart", "php", "ex", "exs", "erl", "clj");

  private static final String[] UNIX_TEMP = {
    "/tmp/", "/var/folders/", "/private/var/folders/", "/private/tmp/", "/var/tmp/", "/dev/shm/"
  };

  /** Quoted texts longer than this, with a space in them, are data: payloads, bodies, values. */
  private static final int LONG_QUOTE = 64;

  private Normalizer() {}

  /** The normalised text; line breaks kept, blanks around and between words collapsed. */
  public static String normalize(CharSequence text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 4096));
    new Scan(text, out).run();
    return out.toString();
  }

  private static final class Scan {
    private final CharSequence s;
    private final int n;
    private final StringBuilder out;

    Scan(CharSequence s, StringBuilder out) {
      this.s = s;
      this.n = s.length();
      this.out = out;
    }

    void run() {
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\n') {
          trimEnd();
          out.append('\n');
          i++;
        } else if (Character.isWhitespace(c)) {
          if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ' && !atLineStart()) {
            out.append(' ');
          }
          i++;
        } else if (!wordAt(s, i - 1) && isDigit(c)) {
          i = number(i);
        } else if (!wordAt(s, i - 1) && Character.isLetterOrDigit(c)) {
          i = word(i);
        } else if (c == '/' && pathStart(i)) {
          i = unixPath(i);
        } else if ((c == '\'' || c == '"') && !wordAt(s, i - 1)) {
          i = quoted(i, c);
        } else if (c == '@' && identityHash(s, i + 1) > 0) {
          out.append("@<hex>");
          i = identityHash(s, i + 1);
        } else {
          out.append(c);
          i++;
        }
      }
      trimEnd();
    }

    private boolean atLineStart() {
      return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    }

    private void trimEnd() {
      while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
    }

    private int alnumEnd(int i) {
      while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
        i++;
      }
      return i;
    }

    /** A word starting with a letter: kept, unless it is a hash, a generated id or a drive path. */
    private int word(int i) {
      int uuid = uuid(s, i);
      if (uuid > 0) {
        out.append("<uuid>");
        return uuid;
      }
      if (i + 2 < n
          && s.charAt(i + 1) == ':'
          && (s.charAt(i + 2) == '\\' || s.charAt(i + 2) == '/')) {
        int end = pathEnd(i);
        if (windowsTemp(s.subSequence(i, end).toString())) {
          temp(i, end);
          return end;
        }
      }
      int end = alnumEnd(i);
      if (hash(s, i, end)) {
        out.append("<hash>");
      } else if (generatedId(s, i, end)) {
        out.append("<id>");
      } else {
        out.append(s, i, end);
      }
      return end;
    }

    /** A token starting with a digit: a number, date, time, address, duration or hash. */
    private int number(int i) {
      if (lineNumberAfterSourceFile()) {
        out.setLength(out.length() - 1);
        int end = digitsEnd(s, i);
        while (end + 1 < n && s.charAt(end) == ':' && isDigit(s.charAt(end + 1))) {
          end = digitsEnd(s, end + 1);
        }
        return end;
      }
      int end = uuid(s, i);
      if (end > 0) {
        out.append("<uuid>");
        return end;
      }
      end = dateOrTime(i);
      if (end > 0) {
        return end;
      }
      if (s.charAt(i) == '0' && i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
        int hexEnd = hexEnd(s, i + 2);
        if (hexEnd > i + 2 && !wordAt(s, hexEnd)) {
          out.append("<hex>");
          return hexEnd;
        }
      }
      int alnum = alnumEnd(i);
      if (hash(s, i, alnum)) {
        out.append("<hash>");
        return alnum;
      }
      end = digitsEnd(s, i);
      int parts = 1;
      boolean shortParts = end - i <= 3;
      while (end + 1 < n && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
        int next = digitsEnd(s, end + 1);
        shortParts &= next - end - 1 <= 3;
        end = next;
        parts++;
      }
      if (parts == 4 && shortParts && !wordAt(s, end)) {
        out.append("<ip>");
        return end;
      }
      if (!wordAt(s, end)) {
        out.append("<num>");
        return end;
      }
      int duration = duration(s, i);
      if (duration > 0) {
        out.append("<duration>");
        return duration;
      }
      if (generatedId(s, i, alnum)) {
        out.append("<id>");
      } else {
        out.append(s, i, alnum); // 3rd, 5xx, 2fa: a word that starts with a digit
      }
      return alnum;
    }

    /** Whether the output ends with {@code Name.ext:} for a source file extension. */
    private boolean lineNumberAfterSourceFile() {
      int end = out.length() - 1;
      if (end < 2 || out.charAt(end) != ':') {
        return false;
      }
      int dot = end - 1;
      while (dot >= 0 && dot >= end - 7 && Character.isLetter(out.charAt(dot))) {
        dot--;
      }
      return dot > 0
          && out.charAt(dot) == '.'
          && Character.isLetterOrDigit(out.charAt(dot - 1))
          && SOURCE_EXTENSIONS.contains(out.substring(dot + 1, end).toLowerCase(Locale.ROOT));
    }

    /**
     * A date optionally followed by a time and zone, or a time; writes the placeholder and returns
     * the end, or -1.
     */
    private int dateOrTime(int i) {
      int end = date(s, i);
      if (end > 0) {
        if (end + 1 < n && (s.charAt(end) == 'T' || s.charAt(end) == ' ')) {
          int time = time(s, end + 1);
          if (time > 0) {
            out.append("<timestamp>");
            return zone(s, time);
          }
        }
        out.append("<date>");
        return end;
      }
      int time = time(s, i);
      if (time > 0) {
        out.append("<time>");
        return time;
      }
      return -1;
    }

    private boolean pathStart(int i) {
      if (i == 0) {
        return true;
      }
      char before = s.charAt(i - 1);
      return !Character.isLetterOrDigit(before)
          && before != '.'
          && before != '/'
          && before != '-'
          && before != '_'
          && before != '~';
    }

    private int unixPath(int i) {
      for (String prefix : UNIX_TEMP) {
        if (regionStarts(i, prefix)) {
          int end = pathEnd(i);
          temp(i, end);
          return end;
        }
      }
      out.append('/');
      return i + 1;
    }

    private boolean regionStarts(int i, String prefix) {
      if (i + prefix.length() > n) {
        return false;
      }
      for (int k = 0; k < prefix.length(); k++) {
        if (s.charAt(i + k) != prefix.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private static boolean windowsTemp(String path) {
      String p = path.toLowerCase(Locale.ROOT).replace('/', '\\');
      return p.contains("\\appdata\\local\\temp") || p.startsWith("c:\\windows\\temp");
    }

    /** The end of a path: it stops at blanks, quotes, brackets, separators and a colon. */
    private int pathEnd(int i) {
      int end = i + 2; // past a drive's colon
      while (end < n && "\t\n\r \"'`()[]{}<>,;|:".indexOf(s.charAt(end)) < 0) {
        end++;
      }
      while (end > i + 1 && s.charAt(end - 1) == '.') {
        end--; // the period that ends a sentence
      }
      return end;
    }

    /** Writes {@code <tmp>}, keeping a plain file name ({@code out.csv}) but not generated ones. */
    private void temp(int from, int to) {
      out.append("<tmp>");
      int slash = from;
      for (int k = from; k < to; k++) {
        char c = s.charAt(k);
        if (c == '/' || c == '\\') {
          slash = k;
        }
      }
      String name = s.subSequence(slash + 1, to).toString();
      boolean plain = name.indexOf('.') > 0 && name.length() <= 40;
      for (int k = 0; plain && k < name.length(); k++) {
        plain = !isDigit(name.charAt(k));
      }
      if (plain) {
        out.append('/').append(name);
      }
    }

    /** A long quoted text with a space in it is data; shorter quotes are normalised inside. */
    private int quoted(int i, char quote) {
      int limit = Math.min(n, i + 1 + 4 * LONG_QUOTE);
      boolean space = false;
      for (int k = i + 1; k < limit; k++) {
        char c = s.charAt(k);
        if (c == '\n') {
          break;
        }
        space |= c == ' ';
        if (c == quote) {
          if (k - i - 1 > LONG_QUOTE && space) {
            out.append(quote).append("<text>").append(quote);
            return k + 1;
          }
          break;
        }
      }
      out.append(quote);
      return i + 1;
    }
  }
}
