package dev.evident.execute;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Result-file globs: {@code *} and {@code ?} stay within one directory, {@code **} crosses
 * directories and {@code **}{@code /} also matches no directory at all (so {@code **}{@code
 * /target/x.xml} matches {@code target/x.xml}, unlike {@code java.nio}'s glob), {@code [abc]} and
 * {@code {a,b}} as usual. Paths are matched with {@code /} as separator.
 */
final class Glob {

  /** Compiled globs: a run has a handful, matched against every file of the walked trees. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Glob() {}

  static Pattern compile(String glob) {
    return COMPILED.computeIfAbsent(glob, Glob::translate);
  }

  private static Pattern translate(String glob) {
    var regex = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
              i++;
              regex.append("(?:.*/)?");
            } else {
              regex.append(".*");
            }
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '{' -> {
          braces++;
          regex.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            regex.append(')');
          } else {
            regex.append("\\}");
          }
        }
        case ',' -> regex.append(braces > 0 ? "|" : ",");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            regex.append("\\[");
          } else {
            String set = glob.substring(i + 1, close);
            if (set.startsWith("!")) {
              set = "^" + set.substring(1);
            }
            regex.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> {
          if ("().+|^$".indexOf(c) >= 0) {
            regex.append('\\');
          }
          regex.append(c);
        }
      }
    }
    for (; braces > 0; braces--) {
      regex.append(')');
    }
    return Pattern.compile(regex.toString());
  }

  /** The path with {@code /} as separator. */
  static String slashed(Path path) {
    String s = path.toString();
    return path.getFileSystem().getSeparator().equals("/") ? s : s.replace('\\', '/');
  }

  /**
   * A user's glob (relative to the work dir, or absolute) as a location: the leading directories
   * without wildcards become the root, so only that directory is walked.
   */
  static Invocation.ResultLocation location(Path workDir, String glob) {
    String[] parts = glob.split("/", -1);
    int literal = 0;
    while (literal < parts.length - 1 && !hasWildcard(parts[literal])) {
      literal++;
    }
    String prefix = String.join("/", java.util.Arrays.copyOfRange(parts, 0, literal));
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, literal, parts.length));
    Path root = prefix.isEmpty() && glob.startsWith("/") ? Path.of("/") : Path.of(prefix);
    return new Invocation.ResultLocation(workDir.resolve(root).normalize(), rest);
  }

  private static boolean hasWildcard(String part) {
    return part.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
  }
}
