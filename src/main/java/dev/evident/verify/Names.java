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

  /**
   * Whether two names in normal form are the same name: the same words, a plural for a singular
   * ("Customs forms" names {@code CustomsFormTests}, "shipment labels" {@code ShipmentLabelTest}),
   * or the same letters with the words written apart ("Back office" names {@code backoffice}).
   */
  static boolean same(List<String> a, List<String> b) {
    return !a.isEmpty() && (a.equals(b) || key(a).equals(key(b)));
  }

  private static String key(List<String> words) {
    StringBuilder key = new StringBuilder();
    for (String w : words) {
      key.append(singular(w));
    }
    return key.toString();
  }

  /** "policies" policy, "forms" form; "class", "status" and short words stay. */
  static String singular(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

  /** Names are normalized once: resolvers compare every test's names with each subject. */
  private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> NORMALIZED =
      new java.util.concurrent.ConcurrentHashMap<>();
}
