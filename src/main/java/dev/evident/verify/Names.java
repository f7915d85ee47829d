package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names in normal form, for matching a report's words with tests, suites, files and tags. */
final class Names {

  private static final java.util.Set<String> EXTENSIONS =
      java.util.Set.of(
          "py", "java", "kt", "ts", "js", "tsx", "jsx", "go", "rb", "rs", "cs", "scala", "php");

  private Names() {}

  /**
   * The normal form of a name for matching: lowercase words, camelCase and snake_case split, the
   * words test/tests/spec/specs and file extensions dropped ("CheckoutServiceTest" and "checkout
   * service tests" are both [checkout, service]).
   */
  static List<String> normalize(String name) {
    List<String> cached = NORMALIZED.get(name);
    if (cached != null) {
      return cached;
    }
    String spaced = ACRONYM.matcher(CAMEL.matcher(name).replaceAll("$1 $2")).replaceAll("$1 $2");
    List<String> words = new ArrayList<>();
    for (String part : NON_WORD.split(spaced.toLowerCase(Locale.ROOT))) {
      if (!part.isEmpty()
          && !part.equals("test")
          && !part.equals("tests")
          && !part.equals("spec")
          && !part.equals("specs")
          && !EXTENSIONS.contains(part)) {
        words.add(part);
      }
    }
    List<String> result = List.copyOf(words);
    if (NORMALIZED.size() < 200_000) {
      NORMALIZED.put(name, result);
    }
    return result;
  }

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  /** Names are normalized once: resolvers compare every test's names with each subject. */
  private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> NORMALIZED =
      new java.util.concurrent.ConcurrentHashMap<>();
}
