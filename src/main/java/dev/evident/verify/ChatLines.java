package dev.evident.verify;

import java.util.regex.Pattern;

/**
 * Chat transcripts pasted into a report. A heading that names a channel ("#payments-dev: thread
 * summary", "#ci · thread export") says where the lines below were said, not what their numbers
 * count; a line's emoji and speaker (":speech_balloon: *dana*:", "[10:42] lee.k:") say who said it
 * (a handle is in emphasis or lowercase: "API:" after an emoji is a label, not a speaker). Neither
 * names a subject. A pasted message opens with its author and a time of day ("**Maya Okafor** 9:31
 * AM", "[09:31] Maya:") on a line of its own; each of its lines is a statement of its own, with or
 * without a full stop, and a quoted reply ("> **Tom** 9:33 AM") is part of the conversation, not
 * quoted command output.
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

  private static final String NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{L}[\\p{L}.'’-]*){0,3}";
  private static final String TIME = "\\d{1,2}:\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?";

  /** "Maya Okafor 9:31 AM", "Maya — 09:31", "[9:31 AM] Maya Okafor:", "Maya (9:31):". */
  private static final Pattern HEADER =
      Pattern.compile(
          "^\\s*(?:@?"
              + NAME
              + "\\s*[—–-]?\\s*[(\\[]?"
              + TIME
              + "[)\\]]?:?|[(\\[]?"
              + TIME
              + "[)\\]]?\\s+@?"
              + NAME
              + ":?)\\s*$");

  /** Whether a block is a chat message: its first line names an author and a time of day. */
  static boolean isMessage(TextBlock block) {
    return opensMessage(block.text(), block.lines());
  }

  /**
   * Whether a text, with the report line of each of its characters, opens with a chat message's
   * header on a line of its own.
   */
  static boolean opensMessage(String text, int[] lines) {
    int end = 0;
    while (end < text.length() && lines[end] == lines[0]) {
      end++;
    }
    return isHeader(text.substring(0, end));
  }

  /** Whether a line is a chat message's header: "Maya Okafor 9:31 AM", "[09:31] Maya:". */
  static boolean isHeader(String line) {
    return HEADER.matcher(line).matches();
  }

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
