package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that describe what kind of thing a subject is without naming it: "the cart module", "the
 * checkout flow", "Streaming API", "Payment suites". A subject that names nothing as written is
 * read again without them, so that "the cart module" names the package {@code com.acme.cart} and
 * "Streaming API" the category {@code streaming}; the name that is left must still match whole.
 */
final class Descriptors {

  private static final Set<String> WORDS =
      Set.of(
          "module",
          "modules",
          "flow",
          "flows",
          "pipeline",
          "pipelines",
          "layer",
          "component",
          "components",
          "package",
          "packages",
          "feature",
          "features",
          "area",
          "suite",
          "suites",
          "api",
          "apis",
          "code",
          "logic",
          "functionality",
          "support",
          "subsystem",
          "library",
          "crate",
          "workflow",
          "endpoints",
          "side",
          "e2e");

  private static final Set<String> ARTICLES = Set.of("the", "our", "this", "its", "their");

  private Descriptors() {}

  /**
   * The readings of a subject to resolve, in order: as written, then without leading articles and
   * trailing descriptor words, when that leaves a name ("the cart module" → "cart").
   */
  static List<String> readings(String subject) {
    List<String> readings = new ArrayList<>();
    readings.add(subject);
    List<String> words = new ArrayList<>(List.of(subject.strip().split("\\s+")));
    while (!words.isEmpty() && ARTICLES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
      words.remove(0);
    }
    boolean stripped = false;
    while (words.size() > 1 && WORDS.contains(last(words).toLowerCase(Locale.ROOT))) {
      words.remove(words.size() - 1);
      stripped = true;
    }
    String core = String.join(" ", words);
    if (stripped && !core.isEmpty() && !Subjects.isGeneric(core.toLowerCase(Locale.ROOT))) {
      readings.add(core);
    }
    return readings;
  }

  private static String last(List<String> words) {
    return words.get(words.size() - 1);
  }
}
