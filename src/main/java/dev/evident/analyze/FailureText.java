package dev.evident.analyze;

import dev.evident.analyze.Rule.Part;
import java.util.Arrays;

/**
 * The parts of one failure as the rules see them: each bounded to its head and tail (the decisive
 * line of a huge log is almost always near its start or its end), with per-text caches of literal
 * positions and root lines. Not thread safe: one per classification.
 */
final class FailureText {

  private static final Part[] PARTS = Part.values();

  private final String[] parts = new String[PARTS.length];
  private final boolean ownText;

  private final LiteralScanner scanner;

  /** Per part, once scanned: literal id to first index, -1 when absent. */
  private final int[][] literalAt = new int[PARTS.length][];

  /** Per part: the root line's start offset, -1 when none, -2 when not computed yet. */
  private final int[] rootStart = new int[PARTS.length];

  FailureText(FailureInput f, int head, int tail, LiteralScanner scanner) {
    this.scanner = scanner;
    parts[Part.TYPE.ordinal()] = bound(f.type(), head, tail);
    parts[Part.MESSAGE.ordinal()] = bound(f.message(), head, tail);
    parts[Part.DETAILS.ordinal()] = bound(f.details(), head, tail);
    parts[Part.STDERR.ordinal()] = bound(f.stderr(), head, tail);
    parts[Part.STDOUT.ordinal()] = bound(f.stdout(), head, tail);
    parts[Part.CONSOLE.ordinal()] = bound(f.console(), head, tail);
    ownText = !f.type().isBlank() || !f.message().isBlank() || !f.details().isBlank();
    Arrays.fill(rootStart, -2);
  }

  String part(Part p) {
    return parts[p.ordinal()];
  }

  /** Whether the failure has text of its own (type, message, details), not only output. */
  boolean hasOwnText() {
    return ownText;
  }

  /** The first index of a literal in a part, or -1; the part is scanned once for all literals. */
  int indexOf(Part p, int literalId) {
    int[] first = literalAt[p.ordinal()];
    if (first == null) {
      first = scanner.firstIndexes(parts[p.ordinal()]);
      literalAt[p.ordinal()] = first;
    }
    return first[literalId];
  }

  /** The start offset of the part's root line (see {@link RootLines}), or -1. */
  int rootLineStart(Part p) {
    int i = p.ordinal();
    if (rootStart[i] == -2) {
      rootStart[i] = RootLines.find(parts[i]);
    }
    return rootStart[i];
  }

  private static String bound(String s, int head, int tail) {
    if (s.length() <= (long) head + tail) {
      return s;
    }
    return s.substring(0, head) + "\n" + s.substring(s.length() - tail);
  }
}
