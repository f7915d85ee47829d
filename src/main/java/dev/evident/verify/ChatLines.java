package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * Chat transcripts pasted into a report. A heading that names a channel ("#payments-dev: thread
 * summary", "#ci · thread export") says where the lines below were said, not what their numbers
 * count; a line's emoji and speaker (":speech_balloon: *dana*:", "[10:42] lee.k:") say who said it
 * (a handle is in emphasis or lowercase: "API:" after an emoji is a label, not a speaker). Neither
 * names a subject.
 */
final class ChatLines {

  private static final Pattern CHANNEL =
      Pattern.compile("^[\\s*_]*#[A-Za-z][\\w.-]*(?=\\s|[:·|,]|$)");

  /** Emoji shortcodes, then a speaker in emphasis and a colon; or a time and a speaker. */
  private static final Pattern SPEAKER =
      Pattern.compile(
          "^\\s*(?:(?::[a-z0-9_+-]+:\\s*)+"
              + "(?:(?:[*_]{1,2}[\\w.@ -]{1,40}[*_]{1,2}|@?[a-z][\\w.-]{0,39})\\s*:\\s+)?"
              + "|\\[\\d{1,2}:\\d{2}(?::\\d{2})?\\]\\s*@?[\\w.-]{1,40}\\s*:\\s*)");

  private ChatLines() {}

  /** Whether a heading opens with a chat channel's name. */
  static boolean isChannel(String heading) {
    return CHANNEL.matcher(heading).find();
  }

  /** A line without its leading emoji and speaker, keeping its length (blanks in their place). */
  static String withoutSpeaker(String line) {
    java.util.regex.Matcher m = SPEAKER.matcher(line);
    return m.find() && m.end() > 0 ? " ".repeat(m.end()) + line.substring(m.end()) : line;
  }
}
