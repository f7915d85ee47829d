package dev.evident.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The subject a sentence names for its counts: its label, an identifier, or its heading. */
final class SentenceSubjects {

  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "\\b(?:in|for|of|from|under)\\s+(`[^`\\s]+`|[\\w./-]+\\.(?:py|java|kt|ts|js|go|rb|rs|cs)\\b"
              + "|[A-Z]\\w*(?:Test|Tests|Spec|IT)\\b)");

  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

  /** One name before a dash, as a label: "checkout-service — GO ✅ 6/6 passing". */
  private static final Pattern DASH_LABEL =
      Pattern.compile("^\\s*(`[^`]{1,60}`|[\\p{L}_][\\w.@/-]{1,59})\\s+[—–]\\s+");

  private SentenceSubjects() {}

  /**
   * The subject of sentence {@code s} of {@code block}; {@code first} when it opens its block (only
   * then can a label or a leading identifier name it).
   */
  static String of(TextBlock block, String s, boolean first) {
    if (block.kind() == TextBlock.Kind.HEADING) {
      return Subjects.ofHeading(s);
    }
    s = ChatLines.withoutSpeaker(s); // ":speech_balloon: *dana*: API: 12/12": who said it
    if (first) {
      Matcher label = Sentences.LABEL.matcher(s.strip());
      // A command in backticks ("`pytest tests/`: 48/50") says how the run was made: no subject.
      if (label.find()
          && !label.group(1).matches(".*\\b\\d+\\b.*")
          && !(label.group(1).startsWith("`") && Narrower.in(label.group(1)).isEmpty())) {
        String named = Subjects.ofLabel(label.group(1));
        if (!named.isEmpty()) {
          return named;
        }
      }
    }
    if (first) {
      Matcher dash = DASH_LABEL.matcher(s);
      if (dash.find()) {
        String named = Subjects.ofLabel(dash.group(1).replace("`", ""));
        if (!named.isEmpty()) {
          return named;
        }
      }
      Matcher lead = Sentences.LEADING_ID.matcher(s);
      if (lead.find()) {
        // A command in backticks ("`pytest -q`") says how the run was made, not what it is of.
        if (!lead.group(1).startsWith("`") || !Narrower.in(lead.group(1)).isEmpty()) {
          return lead.group(1).replace("`", "").strip();
        }
      }
    }
    // An identifier in parentheses says where some of the tests are ("4 skipped (all in
    // LegacyIT)"), not what the sentence counts.
    Matcher id =
        IDENTIFIER.matcher(PARENTHESES.matcher(s).replaceAll(m -> " ".repeat(m.group().length())));
    if (id.find()) {
      return id.group(1).replace("`", "");
    }
    return block.section().subject();
  }
}
