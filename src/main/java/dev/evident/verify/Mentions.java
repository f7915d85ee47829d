package dev.evident.verify;

import java.util.List;

/**
 * Whether the words of a label appear among the run's names, and the reading of a label that names
 * no part of the run ("Release gate:", "Sign-off:", "Checked the CI artifact too:") as about the
 * whole run. That reading is guarded: it may support the claim's numbers, never contradict them,
 * since the label may name something the evidence does not hold.
 */
final class Mentions {

  /** A label that is a claim itself ("No new skips:", "All green:"), not a name. */
  private static final java.util.regex.Pattern OUTCOMES =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:pass\\w*|fail\\w*|skip\\w*|errors?|green|red|flak\\w*|broken|new|no|fixed"
              + "|regress\\w*)\\b");

  /** Names of a measure, not claims: "Pass rate this sprint:". */
  private static final java.util.regex.Pattern RATE_NAMES =
      java.util.regex.Pattern.compile("(?i)\\b(?:pass|success|failure|fail)\\s+rates?\\b");

  /** Words after the label that make its numbers counts of tests ("0 errors" alone does not). */
  private static final java.util.regex.Pattern TESTS =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:tests?|specs?|cases|samples|passe[ds]|passing|fail(?:ed|s|ing|ures?)|skipped|executed"
              + "|collected)\\b");

  private Mentions() {}

  /** The text up to the end of the subject: "No new flakes" for the subject "flakes". */
  private static String label(Claim c) {
    int at = c.text().indexOf(c.subject());
    return at < 0 ? c.subject() : c.text().substring(0, at + c.subject().length());
  }

  private static boolean ofTests(Claim c) {
    if (c.stated().stream()
        .anyMatch(q -> q.measure().isRate() && q.measure() != Measure.COVERAGE)) {
      return true; // "Pass rate this sprint: 0.94": the measure says what is counted
    }
    int at = c.text().indexOf(c.subject());
    return TESTS.matcher(at < 0 ? c.text() : c.text().substring(at + c.subject().length())).find();
  }

  /** Whether some test's file, suite or tags share a word (or its stem) with {@code name}. */
  static boolean in(String name, List<RunEvidence> runs) {
    List<String> words = new java.util.ArrayList<>();
    for (String w : Names.normalize(name)) {
      if (w.length() >= 3 && !Subjects.isGeneric(w)) {
        words.add(stem(w));
      }
    }
    if (words.isEmpty()) {
      return false;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (RunEvidence r : runs) {
      for (TestEvidence t : r.tests()) {
        String where = t.file() + " " + t.id().suite() + " " + String.join(" ", t.tags());
        if (!seen.add(where)) {
          continue;
        }
        for (String n : Names.normalize(where)) {
          if (words.contains(stem(n))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String stem(String w) {
    return w.length() > 5 ? w.substring(0, 5) : w.replaceAll("s$", "");
  }

  /**
   * The whole run, guarded, for a claim with counts of tests whose label resolves to nothing, is no
   * claim itself (no outcome words) and shares no word with the run's names; else null.
   */
  static SubjectScopes.Resolved wholeRunFor(
      Claim c, SubjectScopes.Resolved own, SubjectScopes.Resolved whole, List<RunEvidence> runs) {
    if (own.scope() != null
        || c.implied()
        || c.subject().isEmpty()
        || c.stated().isEmpty()
        || c.stated().stream()
            .anyMatch(q -> q.measure() == Measure.OTHER || q.measure() == Measure.TARGET)
        || whole.scope() == null
        || !label(c).strip().contains(" ")
        || RunNames.names(c.subject())
        || OUTCOMES.matcher(RATE_NAMES.matcher(label(c)).replaceAll("")).find()
        || !ofTests(c)
        || in(c.subject(), runs)) {
      return null;
    }
    Scope w = whole.scope();
    Scope read =
        new Scope(
            w.description() + ", as '" + c.subject() + "' names no part of it",
            w.counts(),
            w.tests(),
            w.files(),
            w.wholeRun(),
            w.statuses(),
            w.runErrors(),
            w.runs());
    return new SubjectScopes.Resolved(
        read,
        null,
        "'%s' names no part of the run, so the claim was read as about the whole run"
            .formatted(c.subject()));
  }
}
