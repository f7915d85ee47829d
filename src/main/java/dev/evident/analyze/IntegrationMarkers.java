package dev.evident.analyze;

import dev.evident.model.TestFacts;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells integration and end-to-end tests apart by how projects name them: a suite or source path
 * with a segment {@code it}, {@code integration...}, {@code e2e} or {@code end-to-end} in it, a
 * class named {@code ...IT} or {@code ...ITCase} (Maven Failsafe's convention), or such a tag or
 * marker, or a {@code type} or {@code category} property saying so (CTRF's {@code "type": "e2e"}).
 * Returns the reason in words, so a flag can say why it thought so.
 */
final class IntegrationMarkers {

  private static final Pattern SEGMENTS = Pattern.compile("[./\\\\:\\s]+");
  private static final Pattern FAILSAFE_CLASS = Pattern.compile(".*[a-z0-9](IT|ITCase)");
  private static final Pattern WORDS =
      Pattern.compile(".*(integration|e2e|end[-_]?to[-_]?end|end2end).*");

  /** Properties that name the kind of a test: CTRF's {@code type} (unit, e2e), a category. */
  private static final java.util.List<String> PROPERTIES = java.util.List.of("type", "category");

  private IntegrationMarkers() {}

  /** Why a suite looks like an integration suite by its name, or null when it does not. */
  static String ofSuite(String suite) {
    return ofName(suite, "the suite name");
  }

  /** Why a test looks like an integration test by its file or tags, or null. */
  static String ofFacts(TestFacts facts) {
    for (String tag : facts.tags()) {
      String t = tag.toLowerCase(Locale.ROOT);
      if (t.equals("it") || WORDS.matcher(t).matches()) {
        return "tag '" + tag + "'";
      }
    }
    for (String key : PROPERTIES) {
      String value = facts.properties().get(key);
      if (value != null && WORDS.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
        return "property " + key + "=" + value;
      }
    }
    return facts.file() == null ? null : ofName(facts.file(), "the file path");
  }

  private static String ofName(String name, String where) {
    String[] segments = SEGMENTS.split(name);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      String lower = segment.toLowerCase(Locale.ROOT);
      if (lower.equals("it") && i < segments.length - 1) {
        return "package or directory '" + segment + "' in " + where;
      }
      if (WORDS.matcher(lower).matches()) {
        return "'" + segment + "' in " + where;
      }
      if (FAILSAFE_CLASS.matcher(segment).matches()) {
        return "class " + segment + " (named like Failsafe's integration tests)";
      }
    }
    return null;
  }
}
