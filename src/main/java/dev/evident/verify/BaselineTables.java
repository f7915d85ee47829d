package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables about the run before: a table right under a caption that names the earlier build ("**rc1
 * for comparison**", "Previous build:", "Baseline (main)"). Its rows are about that run: they are
 * not compared with the latest table's rows, and are checked against the baseline run.
 */
final class BaselineTables {

  /** A caption naming the earlier run. */
  private static final Pattern EARLIER =
      Pattern.compile(
          "\\bfor\\s+comparison\\b|\\bfor\\s+reference\\b|\\bbaseline\\b"
              + "|\\b(?:previous|earlier|prior|last|old|former)\\s+(?:build|run|release|nightly"
              + "|version|candidate)\\b|\\bbefore\\b|\\byesterday\\b",
          Pattern.CASE_INSENSITIVE);

  /** A caption naming now too: then it is no table of the run before alone. */
  private static final Pattern NOW =
      Pattern.compile(
          "\\b(?:now|after|latest|current|today|this\\s+(?:build|run|release)|vs\\.?|versus)\\b"
              + "|→|->",
          Pattern.CASE_INSENSITIVE);

  /** The longest caption: a label, never a paragraph that happens to stand before a table. */
  private static final int CAPTION = 80;

  private BaselineTables() {}

  /** Whether the paragraph right above the table is a caption naming the earlier run. */
  static boolean captioned(TableBlock table, List<TextBlock> blocks) {
    if (table.rows().isEmpty()) {
      return false;
    }
    int header = table.rows().get(0).line() - 2;
    TextBlock above = null;
    for (TextBlock b : blocks) {
      if (b.text().isEmpty() || b.lineAt(b.text().length() - 1) >= header) {
        continue;
      }
      if (above == null || b.lineAt(0) > above.lineAt(0)) {
        above = b;
      }
    }
    if (above == null
        || above.kind() != TextBlock.Kind.PARAGRAPH
        || above.lineAt(above.text().length() - 1) < header - 2) {
      return false;
    }
    String s = above.text().strip();
    return s.length() <= CAPTION && EARLIER.matcher(s).find() && !NOW.matcher(s).find();
  }

  /** The table's claims, as about the earlier run when its caption names it. */
  static List<Claim> of(TableBlock table, List<TextBlock> blocks, List<Claim> claims) {
    if (!captioned(table, blocks)) {
      return claims;
    }
    List<Claim> out = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      out.add(
          c.kind() != ClaimKind.TABLE || c.temporal() || !c.before().isEmpty()
              ? c
              : c.ofAnotherTime());
    }
    return out;
  }

  /** Whether a claim is a row of a table about the run before, checked against the baseline. */
  static boolean earlier(Claim c) {
    return c.kind() == ClaimKind.TABLE
        && c.temporal()
        && c.before().isEmpty()
        && c.factor() == null
        && !c.stated().isEmpty();
  }
}
