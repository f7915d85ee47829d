package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests a claim leaves out by name: "All API tests pass except `TestAPI_ListPaginated`", "every
 * export test passes apart from `test_unicode_headers`". A claim that every test of its scope
 * passes is checked on the others: the named exceptions failing is what it says, not against it.
 */
final class Excepted {

  private static final Pattern EXCEPT =
      Pattern.compile(
          "\\b(?:except(?:\\s+for)?|apart\\s+from|other\\s+than|besides|but\\s+not|save\\s+for)"
              + "\\s+(?:the\\s+)?(?:one\\s+|two\\s+|three\\s+)?(?:tests?\\s+)?(?<list>`[^`]+`"
              + "(?:\\s*(?:,|and|&)\\s*`[^`]+`)*)",
          Pattern.CASE_INSENSITIVE);

  private Excepted() {}

  /** The tests a sentence leaves out by name, in backticks; empty when it names none. */
  static List<String> in(String text) {
    Matcher m = EXCEPT.matcher(text);
    List<String> names = new ArrayList<>();
    if (m.find()) {
      Matcher item = Pattern.compile("`([^`]+)`").matcher(m.group("list"));
      while (item.find()) {
        names.add(item.group(1).strip());
      }
    }
    return names;
  }

  /** The scope of a claim that every test passes, without the tests it leaves out by name. */
  static Scope apply(Claim c, Scope scope) {
    if (c.expectation() != Expectation.PASS) {
      return scope;
    }
    List<String> names = in(c.text());
    Scope rest = names.isEmpty() ? null : without(scope, names);
    return rest == null ? scope : rest;
  }

  /** The scope without the tests {@code names} name, or null when none of them is in it. */
  static Scope without(Scope scope, List<String> names) {
    List<TestEvidence> kept = new ArrayList<>();
    for (TestEvidence t : scope.tests()) {
      boolean named = false;
      for (String n : names) {
        named |= Resolvers.TEST_NAMES.matches(n, Names.normalize(n), t);
      }
      if (!named) {
        kept.add(t);
      }
    }
    if (kept.size() == scope.tests().size()) {
      return null;
    }
    return Scope.of(
        scope.description() + " except " + String.join(", ", names), kept, scope.runs());
  }
}
