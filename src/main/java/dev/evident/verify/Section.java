package dev.evident.verify;

import java.util.List;

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

  /** Whether any heading speaks of another time ("Before", "Previous run", "Baseline"). */
  boolean isTemporal() {
    return headings.stream().anyMatch(h -> Plans.TEMPORAL.matcher(h).find());
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
