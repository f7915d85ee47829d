package dev.evident.analyze;

import dev.evident.model.TestCategory;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides which categories a test belongs to (see {@link TestCategory.Match} for the rules). Globs
 * are compiled once. Thread safe.
 */
public final class CategoryMatcher {

  private final List<Compiled> categories;
  private final boolean needsFacts;

  private CategoryMatcher(List<Compiled> categories) {
    this.categories = categories;
    this.needsFacts = categories.stream().anyMatch(c -> c.match.needsFacts());
  }

  public static CategoryMatcher of(List<TestCategory> categories) {
    List<Compiled> compiled = new ArrayList<>();
    for (TestCategory c : categories) {
      compiled.add(new Compiled(c.match()));
    }
    return new CategoryMatcher(compiled);
  }

  /** Whether matching looks at files, tags or properties, which cost a query per run. */
  public boolean needsFacts() {
    return needsFacts;
  }

  /** The indices of the categories the test belongs to, ascending; empty when none. */
  public int[] match(TestId id, TestFacts facts) {
    int[] found = new int[categories.size()];
    int n = 0;
    for (int i = 0; i < categories.size(); i++) {
      if (categories.get(i).matches(id, facts)) {
        found[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(found, n);
  }

  /**
   * A glob on names (suites, tags, property values): {@code *} matches any characters, {@code ?}
   * one, everything else itself.
   */
  public static Pattern nameGlob(String glob, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(quote(literal)).append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    regex.append(quote(literal));
    return Pattern.compile(
        regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }

  /**
   * A glob on paths, with {@code /} as separator: {@code *} and {@code ?} stay within a directory,
   * {@code **} crosses directories ({@code **}{@code /} also matches no directory). A glob not
   * starting with {@code /} matches the whole path or any tail of it that starts at a directory, so
   * {@code tests/it/**} matches {@code /ci/work/tests/it/a_test.py}.
   */
  public static Pattern pathGlob(String glob) {
    StringBuilder regex = new StringBuilder(glob.startsWith("/") ? "" : "(?:.*/)?");
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(quote(literal));
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          regex.append("(?:.*/)?");
        } else {
          regex.append(".*");
        }
      } else if (c == '*') {
        regex.append(quote(literal)).append("[^/]*");
      } else if (c == '?') {
        regex.append(quote(literal)).append("[^/]");
      } else {
        literal.append(c);
      }
    }
    regex.append(quote(literal));
    return Pattern.compile(regex.toString());
  }

  /**
   * The paths a test can be matched by: its source file, and its suite when that is a path or a
   * dotted name ({@code tests.it.test_api} as {@code tests/it/test_api}).
   */
  static List<String> paths(TestId id, TestFacts facts) {
    List<String> paths = new ArrayList<>(3);
    if (facts.file() != null && !facts.file().isBlank()) {
      paths.add(normal(facts.file()));
    }
    String suite = id.suite();
    if (!suite.isEmpty()) {
      if (suite.indexOf('/') >= 0 || suite.indexOf('\\') >= 0) {
        paths.add(normal(suite));
      } else if (suite.indexOf('.') >= 0) {
        paths.add(suite.replace('.', '/'));
      }
    }
    return paths;
  }

  private static String normal(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  private static String quote(StringBuilder literal) {
    String quoted = literal.isEmpty() ? "" : Pattern.quote(literal.toString());
    literal.setLength(0);
    return quoted;
  }

  /** One category's patterns, compiled. */
  private static final class Compiled {
    final TestCategory.Match match;
    final List<Pattern> suites = new ArrayList<>();
    final List<Pattern> paths = new ArrayList<>();
    final List<Pattern> tags = new ArrayList<>();
    final List<String> propertyNames = new ArrayList<>();
    final List<Pattern> propertyValues = new ArrayList<>();

    Compiled(TestCategory.Match match) {
      this.match = match;
      match.suites().forEach(s -> suites.add(nameGlob(s, false)));
      match.paths().forEach(p -> paths.add(pathGlob(p)));
      match.tags().forEach(t -> tags.add(nameGlob(t, true)));
      for (String p : match.properties()) {
        int eq = p.indexOf('=');
        propertyNames.add(eq < 0 ? p : p.substring(0, eq));
        propertyValues.add(eq < 0 ? null : nameGlob(p.substring(eq + 1), false));
      }
    }

    boolean matches(TestId id, TestFacts facts) {
      return (suites.isEmpty() || any(suites, id.suite()))
          && (paths.isEmpty() || paths(id, facts).stream().anyMatch(p -> any(paths, p)))
          && (tags.isEmpty() || facts.tags().stream().anyMatch(t -> any(tags, t)))
          && (propertyNames.isEmpty() || property(facts.properties()));
    }

    private boolean property(Map<String, String> properties) {
      for (int i = 0; i < propertyNames.size(); i++) {
        String value = properties.get(propertyNames.get(i));
        Pattern wanted = propertyValues.get(i);
        if (value != null && (wanted == null || wanted.matcher(value).matches())) {
          return true;
        }
      }
      return false;
    }

    private static boolean any(List<Pattern> patterns, String text) {
      for (Pattern p : patterns) {
        if (p.matcher(text).matches()) {
          return true;
        }
      }
      return false;
    }
  }
}
