package dev.evident.verify;

/**
 * Test names that carry their describe blocks ("handlers > POST /logout clears the cookie", "Cart ›
 * adds an item"): a report often names the test by its title alone. A title of several words names
 * the test whose name ends with it; a single word could be any block's test.
 */
final class DescribePaths {

  private DescribePaths() {}

  /** Whether {@code subject} (lowercase) is the title, the last part, of test {@code name}. */
  static boolean leafOf(String subject, String name) {
    // the cheap test first: it runs for every test of a run
    return (name.endsWith(subject)
            && (name.endsWith(" > " + subject) || name.endsWith(" › " + subject)))
        && subject.strip().split("\\s+").length >= 3;
  }
}
