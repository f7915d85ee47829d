package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subjects as reports name them, and their normal form. A subject is the text a claim is about ("
 * Agent Execution Core", "unit", "tests/test_api.py", "test_checkout"); empty means the whole run.
 * Words that only describe a report ("Summary", "Status", "Test Results") name no subject.
 */
final class Subjects {

  /** Words of headings and labels that name no subject. */
  private static final Set<String> GENERIC =
      Set.of(
          "test",
          "flaky",
          "flakiness",
          "tests",
          "testing",
          "summary",
          "results",
          "result",
          "status",
          "overview",
          "report",
          "progress",
          "tracking",
          "key",
          "learnings",
          "issues",
          "identified",
          "findings",
          "details",
          "final",
          "current",
          "latest",
          "and",
          "of",
          "the",
          "for",
          "a",
          "an",
          "in",
          "on",
          "phase",
          "stage",
          "step",
          "creation",
          "validation",
          "completion",
          "analysis",
          "setup",
          "run",
          "runs",
          "metrics",
          "numbers",
          "statistics",
          "stats",
          "outcome",
          "outcomes",
          "conclusion",
          "conclusions",
          "highlights",
          "achievements",
          "update",
          "updates",
          "notes",
          "changes",
          "changed",
          "verification",
          "quality",
          "ci",
          "today",
          "daily",
          "weekly",
          "nightly",
          "total",
          "totals",
          "overall",
          "all",
          "counts",
          "count",
          "breakdown",
          "execution",
          "executed",
          "suite",
          "suites",
          "state",
          "health",
          "recap",
          "actions",
          "taken",
          "next",
          "steps",
          "what",
          "where",
          "now",
          "evidence",
          "value",
          "business",
          "validated",
          "passed",
          "passing",
          "failed",
          "failing",
          "skipped",
          "errors",
          "errored",
          "erroring",
          "disabled",
          "ignored",
          "pending",
          "pass",
          "fail",
          "rate",
          "tl",
          "dr",
          "tldr",
          "coverage",
          "after",
          "before",
          "previous",
          "this",
          "week",
          "our",
          "new",
          "session",
          "by",
          "per",
          "across",
          "from",
          "with",
          "to",
          "problems",
          "blockers",
          "blocked",
          "known",
          "open",
          "fixed",
          "work",
          "done",
          "it",
          "is",
          "success",
          "successful",
          "failure",
          "failures",
          "ratio",
          "improvement",
          "improvements",
          "change",
          "delta",
          "trend",
          "gain",
          "build",
          "builds",
          "no",
          "regression",
          "regressions",
          "full",
          "entire",
          "whole",
          "short",
          "brief",
          "nutshell",
          "sum",
          "check");

  /** Words between a number and "tests" that describe without naming a subject. */
  private static final Set<String> NEUTRAL =
      Set.of(
          ("new more additional existing total high-quality comprehensive remaining other "
                  + "individual separate real automated our the all these those of selected relevant "
                  + "current currently previously actual actually distinct different unique "
                  + "successfully extra further good quality meaningful focused full green red test "
                  + "regression")
              .split(" "));

  private static final Pattern COMPARISON_HEADING =
      Pattern.compile(
          "^\\W*(?:\\d+\\.\\s*)?(?:compared|comparison|changes?|delta|diff|trend|history|since|vs\\.?"
              + "|versus|before|after|last|previous|yesterday|week|sprint)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LABEL_TAG =
      Pattern.compile(
          "\\((?:tag|tagged|marker|mark|label)\\s+@?([\\w.-]+)\\)", Pattern.CASE_INSENSITIVE);

  /** "Failover drill (`failover.tap`)": the code name in parentheses is what the label means. */
  private static final Pattern LABEL_CODE = Pattern.compile("\\(\\s*`@?([^`\\s]+)`\\s*\\)");

  /** "Cart and coupons (`CartTest`, `CouponTest`)": the code names in parentheses, together. */
  private static final Pattern LABEL_CODES =
      Pattern.compile("\\(\\s*(`[^`\\s]+`(?:\\s*(?:,|and|&)\\s*`[^`\\s]+`)+)\\s*\\)");

  private static final Pattern LABEL_VERB =
      Pattern.compile("\\s+(?:is|are|was|were|has|have)\\s+.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBERING =
      Pattern.compile(
          "^\\s*(?:(?:phase|step|part|stage|section)\\s+\\d+\\s*[:.\\-–—]?|\\d+[.)]|[ivx]+\\.)\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TRAILING =
      Pattern.compile(
          "(?:\\s+(?:tests?|test results|results|test suite|suite|specs?|test cases?|fixtures?))+\\s*$",
          Pattern.CASE_INSENSITIVE);

  /** A word; a hyphenated compound ("rate-limit") is one word, not a generic one and a name. */
  private static final Pattern WORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|[0-9]+");

  private Subjects() {}

  /** Whether a word (lowercase) only describes a report ("summary", "status", "total"). */
  static boolean isGeneric(String word) {
    return GENERIC.contains(word);
  }

  /** The subject a heading names, or empty when its words only describe the report. */
  static String ofHeading(String heading) {
    if (COMPARISON_HEADING.matcher(heading).find() || ChatLines.isChannel(heading)) {
      return ""; // "Compared to last week", "Changes since Monday": a time, not a subject
    }
    String s = heading.replaceAll("\\([^)]*\\)", " ");
    s = s.replaceAll("\\s[-–—:]\\s.*$", " ");
    s = s.replaceAll(":\\s.*\\d.*$", " "); // "Results: 14/18 tests passing": the label
    s = NUMBERING.matcher(s).replaceFirst("");
    return ofLabel(s);
  }

  /** Labels that say how something is said: "Precisely:", "Honestly:", "In short:". */
  /**
   * Chat fillers and where the figures go, around a label: "ok so for the ticket: 21 ran", "nightly
   * numbers for the record: 22 tests", "summary for the notes:". They name nothing.
   */
  private static final Pattern ASIDE =
      Pattern.compile(
          "(?i)^(?:(?:ok(?:ay)?|so|well|anyway|right|alright)\\b[\\s,]*)+"
              + "|\\s*\\bfor the (?:record|notes|ticket|minutes|log|standup|thread)$");

  private static final Pattern SAYING =
      Pattern.compile(
          "(?i)(?:precisely|exactly|basically|honestly|frankly|briefly|currently|finally|lastly"
              + "|essentially|specifically|roughly|approximately|notably|importantly|ultimately"
              + "|realistically|technically|concretely|actually|officially|firstly|secondly"
              + "|additionally|accordingly|overall|net)"
              + "|in (?:short|total|sum|fact|brief|numbers)|to (?:be (?:precise|exact)|sum up)"
              + "|bottom line|tl;?dr|corrections?|erratum|fyi");

  /** The subject a label ("Agent Execution Core", "Unit tests") names, or empty. */
  static String ofLabel(String label) {
    Matcher tag = LABEL_TAG.matcher(label);
    if (tag.find()) {
      return tag.group(1); // "Slow tests (tag slow)": the tag
    }
    Matcher codes = LABEL_CODES.matcher(label);
    if (codes.find()) {
      return String.join(", ", codes.group(1).replace("`", "").split("\\s*(?:,|\\band\\b|&)\\s*"));
    }
    Matcher code = LABEL_CODE.matcher(label);
    if (code.find()) {
      return code.group(1); // "Failover drill (`failover.tap`)": the file it names
    }
    // "Search is fully operational": the label is a sentence; its subject comes before the verb.
    String name = LABEL_VERB.matcher(label.replaceAll("\\([^()]*\\)", " ")).replaceFirst("");
    String s = name.replaceAll("[^\\p{L}\\p{N}_./:#>`\\s-]", " ").strip();
    s = s.replaceAll("^`|`$", "").replaceAll("[:\\s]+$", "");
    s = TRAILING.matcher(s).replaceFirst("").strip().replaceAll("`$", "");
    s = s.replaceFirst("(?i)^(?:the|all|our)\\s+", "").strip();
    if (s.isEmpty() || VerdictLabels.is(s)) {
      return ""; // "Sign-off:", "Decision:": a verdict on the whole run
    }
    if (!s.contains(" ") && s.matches(".*[/_:#>.].*|.*[a-z][A-Z].*")) {
      return s; // a path or an identifier: tests/test_api.py, test_checkout, CartTest
    }
    s = ASIDE.matcher(s).replaceAll("").strip();
    if (s.isEmpty() || SAYING.matcher(s).matches()) {
      return ""; // "Precisely: 105 of 110 tests pass", "In short:": how it is said, not of what
    }
    // Leading generic words ("Results for CartTest") name nothing; the rest is the subject.
    Matcher w = WORD.matcher(s);
    while (w.find()) {
      if (!GENERIC.contains(w.group().toLowerCase(Locale.ROOT))) {
        return s.substring(w.start()).strip().replaceAll("\\s+", " ");
      }
    }
    return "";
  }

  /** The subject that words between a number and "tests" name ("12 unit tests"), or empty. */
  static String ofQualifiers(List<String> words) {
    List<String> kept = new ArrayList<>();
    for (String word : words) {
      String w = word.toLowerCase(Locale.ROOT);
      if (!NEUTRAL.contains(w) && Measure.ofWord(w) == null) {
        kept.add(word);
      }
    }
    return String.join(" ", kept);
  }
}
