package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part named by a word of its name: "Routing" for {@code OrderRoutingTests}, "Stock" for {@code
 * stock_reservation_test.py}. Such a part is a guess, so a claim checked against it is never
 * CONTRADICTED; it can still be borne out.
 */
final class HeldNames {

  private HeldNames() {}

  /**
   * The tests whose suite (its last segment) or file (its name) hold every word of {@code name}
   * (plurals as singulars), when there are some and not all; else null.
   */
  static Scope holding(String name, List<RunEvidence> runs) {
    List<String> words = new ArrayList<>();
    for (String w : Names.normalize(name)) {
      if (w.length() < 3 || Subjects.isGeneric(w) || STOP.contains(w) || w.matches("\\d+")) {
        return null; // a phrase, not a name
      }
      words.add(Names.singular(w));
    }
    if (words.isEmpty() || words.size() > 2) {
      return null;
    }
    List<TestEvidence> found = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    Set<String> parts = new TreeSet<>();
    int all = 0;
    java.util.Map<String, Boolean> held = new java.util.HashMap<>(); // tests share their parts
    for (RunEvidence r : runs) {
      boolean any = false;
      for (TestEvidence t : r.tests()) {
        all++;
        String part = part(t);
        if (held.computeIfAbsent(part, p -> holds(p, words))) {
          found.add(t);
          parts.add(part);
          any = true;
        }
      }
      if (any) {
        ids.add(r.run().id());
      }
    }
    if (found.isEmpty() || found.size() == all) {
      return null;
    }
    return Scope.of(
        "%s (%d %s) in run%s %s, whose name%s hold%s '%s'"
            .formatted(
                String.join(", ", parts),
                found.size(),
                found.size() == 1 ? "test" : "tests",
                ids.size() == 1 ? "" : "s",
                Scope.join(ids),
                parts.size() == 1 ? "" : "s",
                parts.size() == 1 ? "s" : "",
                name),
        found,
        ids);
  }

  /**
   * The part a word before the numbers names ("Routing was at 12/14"), when one word there is held
   * by the names of some tests' suites or files; else null.
   */
  static Part before(String text, List<RunEvidence> runs) {
    Matcher digit = DIGIT.matcher(text);
    String head = digit.find() ? text.substring(0, digit.start()) : text;
    Part found = null;
    for (Matcher w = WORD.matcher(head); w.find(); ) {
      Scope s = holding(w.group(), runs);
      if (s != null) {
        if (found != null) {
          return null; // two parts named: which one the numbers count is a guess too many
        }
        found = new Part(w.group(), s);
      }
    }
    return found;
  }

  /** A word and the tests whose names hold it. */
  record Part(String word, Scope scope) {}

  /** The part a test's name is read from: its suite's last segment, else its file's name. */
  private static String part(TestEvidence t) {
    String last = lastSegment(t.id().suite());
    return last.isEmpty() ? fileName(t) : last;
  }

  /** "CartTest" of "com.acme.CartTest", "pkg/store" of "pkg/store". */
  static String lastSegment(String suite) {
    return suite.substring(Math.max(suite.lastIndexOf('.'), suite.lastIndexOf('/')) + 1);
  }

  /** "cart_test.py" of "tests/cart_test.py" (or of a Windows path). */
  static String fileName(TestEvidence t) {
    String file = t.file() == null ? "" : t.file();
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  }

  private static boolean holds(String part, List<String> words) {
    List<String> held = new ArrayList<>();
    for (String w : Names.normalize(part)) {
      held.add(Names.singular(w));
    }
    return held.size() > words.size() && held.containsAll(words);
  }

  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern WORD = Pattern.compile("\\b[A-Za-z][a-z]{2,}\\b");

  /** Whether {@code word} (in normal form) names no part even when a name holds it. */
  static boolean isStop(String word) {
    return STOP.contains(word);
  }

  /** Words that name no part even when a name holds them. */
  private static final Set<String> STOP =
      Set.of(
          "the",
          "and",
          "was",
          "were",
          "are",
          "has",
          "had",
          "have",
          "now",
          "all",
          "our",
          "with",
          "for",
          "from",
          "but",
          "not",
          "its",
          "new",
          "this",
          "that",
          "still",
          "only",
          "today",
          "yesterday",
          "after",
          "before",
          "since",
          "went",
          "pass",
          "passes",
          "passing",
          "fail",
          "failing",
          "failed",
          "green",
          "red",
          "fixed",
          "both",
          "each",
          "every",
          "one",
          "two",
          "more",
          "less",
          "over",
          "under",
          "about",
          "test",
          "run",
          "suite",
          "build",
          "check",
          "case",
          "total",
          "overall",
          "again",
          "left",
          "there",
          "here");
}
