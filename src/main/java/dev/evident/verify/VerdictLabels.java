package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * Labels that announce a verdict on the whole run ("Decision:", "Sign-off:", "Resolution:", "Ready
 * to merge:", "Headline:"): what follows them is said of everything the report covers, so the label
 * names no part of the run.
 */
final class VerdictLabels {

  private static final Pattern VERDICT =
      Pattern.compile(
          "(?i)(?:(?:final|overall|our|qa|release|team)\\s+)?"
              + "(?:verdict|decision|sign[- ]?off|resolution|headline|recommendation|approval"
              + "|go\\s*/\\s*no[- ]?go"
              + "|ready (?:to|for) (?:merge|ship|release|production|review))");

  private VerdictLabels() {}

  /** Whether a label, stripped of its colon, only announces a verdict. */
  static boolean is(String label) {
    return VERDICT.matcher(label.strip()).matches();
  }
}
