package dev.evident.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The headings a block is under (levels 2 and below; a level-1 heading is the document's title),
 * outermost first. A heading block's own section ends with itself.
 */
record Section(List<String> headings) {

  static final Section NONE = new Section(List.of());

  Section {
    headings = List.copyOf(headings);
  }

  /** Whether any heading says the section holds plans or targets (see {@link Plans}). */
  boolean isPlan() {
    return headings.stream().anyMatch(Plans::isPlanHeading);
  }

  /**
   * Whether any heading speaks of another time ("Before", "Previous run", "Baseline") or is an
   * incident's timeline ("Timeline (UTC)"): what happened then, which may be before the latest run.
   */
  boolean isTemporal() {
    return headings.stream()
        .anyMatch(h -> Plans.TEMPORAL.matcher(h).find() || TIMELINE.matcher(h).find());
  }

  private static final Pattern TIMELINE =
      Pattern.compile("(?i)^\\W*(?:incident\\s+|event\\s+)?timeline\\b");

  /**
   * Whether the innermost heading with a subject only implies it: it names no group of tests
   * ("Headline numbers", "Release gates", "By package"), so that a subject of it that resolves to
   * nothing leaves its lines about the whole run. A heading that names tests ("Integration tests",
   * "`CartTest`") gives its subject outright.
   */
  boolean impliesSubject() {
    for (int i = headings.size() - 1; i >= 0; i--) {
      if (!Subjects.ofHeading(headings.get(i)).isEmpty()) {
        return Narrower.in(headings.get(i)).isEmpty();
      }
    }
    return false;
  }

  /** The subject the innermost non-generic heading names, or empty (see {@link Subjects}). */
  String subject() {
    for (int i = headings.size() - 1; i >= 0; i--) {
      String s = Subjects.ofHeading(headings.get(i));
      if (!s.isEmpty()) {
        return s;
      }
    }
    return "";
  }
}
