package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a block of a report splits into the sentences claims are read from. */
final class Sentences {

  private static final Pattern SENTENCE_END =
      Pattern.compile(
          "(?<=[.!?])(?<!\\b(?i:i\\.e|e\\.g|vs|cf)\\.)\\s+(?=[A-Z0-9✅❌⏭*\"'(\\[`\\p{So}])"
              + "(?!\\([^()]*\\)\\s*$)"); // "All tests passing! (37/37)": one sentence

  static final Pattern LABEL = Pattern.compile("^([^:]{1,80}?):\\s");

  /**
   * An identifier that opens a line and names what it speaks of: "`ExporterTest` 12/12 ✅",
   * "`test_emailer.py` skips 2 tests", "CartServiceTest: 6 failures → 0".
   */
  static final Pattern LEADING_ID =
      Pattern.compile(
          "^\\s*(?:[•·▪‣◦]\\s*)?(`[^`]+`|[A-Z]\\w*(?:Test|Tests|Spec|IT)\\b|(?:(?:tests?|src|spec|specs|internal|cmd|pkg|lib|app|apps|packages|modules|e2e|it)/[\\w.-]+(?:/[\\w.-]+)*/?|[A-Za-z_.][\\w.-]*(?:/[\\w.-]+){2,}/?|[A-Za-z_.][\\w.-]*/[\\w.-]+/)(?=[\\s:])"
              + "|[\\w./-]+\\.(?:py|java|kt|ts|tsx|js|jsx|go|rb|rs|cs|php|tap|swift|scala|cpp|c|ex|exs)\\b)\\s*:?\\s");

  /**
   * Where a block's sentences end: at sentence punctuation, and at a line break before a line that
   * starts with a label or an identifier ("**Workers:** 13 of 14", "`ExporterTest` 12/12"), a
   * statement of its own even without a full stop before it. Each cut is [end, next start).
   */
  private static final Pattern SEMICOLON = Pattern.compile(";\\s+");

  /**
   * A status mark that opens a line ("✅ Final run: 23/25", "❌ `x` still fails"): an agent's
   * checklist, each line a statement of its own.
   */
  private static final Pattern MARK_START =
      Pattern.compile("^(?:✅|❌|⚠️?|🚀|✔️?|✗|✘|☑️?|⏭️?|🟢|🔴|🟡)");

  /** Sentence punctuation at the end of a line (not "e.g."). */
  private static final Pattern LINE_END =
      Pattern.compile("(?<!\\b(?i:i\\.e|e\\.g|vs|cf))[.!?]\\s+$");

  static List<int[]> cuts(TextBlock block) {
    String t = block.text();
    java.util.TreeMap<Integer, Integer> cuts = new java.util.TreeMap<>();
    Matcher end = SENTENCE_END.matcher(t);
    while (end.find()) {
      cuts.put(end.start(), end.end());
    }
    for (int i = 1; i < t.length(); i++) {
      if (t.charAt(i - 1) == ' ' && startsLine(block, i)) {
        String rest = t.substring(i);
        Matcher label = LABEL.matcher(rest);
        if ((label.find() && !label.group(1).matches(".*\\b\\d+\\b.*"))
            || LEADING_ID.matcher(rest).find()
            || MARK_START.matcher(rest).find()
            // "… is unrelated.\nt/04-failover.t passed 7 of 7": a sentence that ends its line
            || LINE_END.matcher(t.substring(Math.max(0, i - 8), i)).find()) {
          cuts.putIfAbsent(i - 1, i);
        }
      }
    }
    // A paragraph of short lines ("Result: 61 passed", "Pass rate 95.3%", "• upgrade.tap 14
    // passed"): a CI digest or a chat message, each line a statement of its own.
    if (lineStructured(block) || ChatLines.isMessage(block)) {
      for (int i = 1; i < t.length(); i++) {
        if (t.charAt(i - 1) == ' ' && startsLine(block, i)) {
          cuts.putIfAbsent(i - 1, i);
        }
      }
    }
    // "finished the provider swap; `sms.test.ts` is 6/6 ✅": a clause that opens with an
    // identifier after a semicolon is a statement of that identifier.
    Matcher semicolon = SEMICOLON.matcher(t);
    while (semicolon.find()) {
      if (LEADING_ID.matcher(t.substring(semicolon.end())).find()) {
        cuts.putIfAbsent(semicolon.start(), semicolon.end());
      }
    }
    List<int[]> out = new ArrayList<>();
    int last = -1;
    for (Map.Entry<Integer, Integer> e : cuts.entrySet()) {
      if (e.getKey() >= last) {
        out.add(new int[] {e.getKey(), e.getValue()});
        last = e.getValue();
      }
    }
    return out;
  }

  /**
   * Whether a paragraph is a list of lines rather than wrapped prose: at least two of its lines
   * follow the first, and at least two thirds of them open with no lowercase letter (wrapped prose
   * goes on mid-sentence, in lowercase).
   */
  static boolean lineStructured(TextBlock block) {
    String t = block.text();
    int lines = 0;
    int opened = 0;
    for (int i = 1; i < t.length(); i++) {
      if (startsLine(block, i)) {
        lines++;
        opened += Character.isLowerCase(t.charAt(i)) ? 0 : 1;
      }
    }
    return lines >= 2 && opened * 3 >= lines * 2;
  }

  /** Whether the character at {@code at} is the first of a report line. */
  static boolean startsLine(TextBlock block, int at) {
    return at > 0 && at < block.text().length() && block.lineAt(at) != block.lineAt(at - 1);
  }

  /**
   * Whether {@code at} opens a statement of its own: the first character of a line, or of a clause
   * after a semicolon that opens with an identifier (cut by {@link #cuts}).
   */
  static boolean startsStatement(TextBlock block, int at) {
    if (startsLine(block, at)) {
      return true;
    }
    String before = block.text().substring(0, Math.max(0, at)).stripTrailing();
    return before.endsWith(";") && LEADING_ID.matcher(block.text().substring(at)).find();
  }

  /** Whether {@code f} is only a rate, right after a count of a named group ("… tests (85%)"). */
  static boolean rateOf(String s, CountParser.Found before, CountParser.Found f) {
    return !before.subject().isEmpty()
        && f.quantities().stream().allMatch(q -> q.measure().isRate())
        && f.start() >= before.end()
        && s.substring(before.end(), f.start()).matches("[\\s(,:=–—-]*");
  }

  /** "not everything is green", "it isn't all green": a denial of the words at {@code start}. */
  private static final Pattern NOT_BEFORE =
      Pattern.compile("(?i)(?:\\bnot|n't|\\bnever)\\s+(?:quite\\s+|yet\\s+)?$");

  static boolean denied(String s, int start) {
    return NOT_BEFORE.matcher(s.substring(Math.max(0, start - 16), start)).find();
  }

  /** Whether a sentence opens with its subject: a label ("API: 22/22") or an identifier. */
  static boolean opensWith(String s, String subject) {
    Matcher lead = LEADING_ID.matcher(s);
    if (lead.find() && lead.group(1).replace("`", "").strip().equals(subject)) {
      return true;
    }
    Matcher label = LABEL.matcher(s.strip());
    return label.find() && Subjects.ofLabel(label.group(1)).equals(subject);
  }

  private Sentences() {}
}
