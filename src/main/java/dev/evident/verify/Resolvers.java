package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The subject resolvers over test results. Names match exactly (ignoring case), or by their words
 * in normal form ({@link Subjects#normalize}): "Agent Execution Core" names the directory {@code
 * agent_execution_core}, "checkout service" the suite {@code CheckoutServiceTest}. Partial matches
 * never count: a wrong scope would turn into a false contradiction.
 */
enum Resolvers implements SubjectResolver {
  /** A test by name: {@code test_checkout}, {@code CartTest > totals}, {@code file.py::test_x}. */
  TEST_NAMES("test") {
    @Override
    boolean matches(String subject, List<String> words, TestEvidence t) {
      // Gradle and JUnit 5 name methods with "()": "boostsRecentListings" names it too
      String s = withoutParens(subject.toLowerCase(Locale.ROOT));
      String name = withoutParens(t.id().name().toLowerCase(Locale.ROOT));
      String display = withoutParens(t.id().displayName().toLowerCase(Locale.ROOT));
      String suite = t.id().suite().toLowerCase(Locale.ROOT);
      if (s.equals(name)
          || s.equals(display)
          || s.equals(t.id().toString().toLowerCase(Locale.ROOT))
          || s.equals(suite + " " + name) // jest and mocha: "Cart adds an item", Cart's test
          || name.startsWith(s + " > ")) {
        return true; // "handlers" names "handlers > POST /logout" (a describe block in the name)
      }
      if (DescribePaths.leafOf(s, name)) {
        return true; // "POST /logout clears it" names "handlers > POST /logout clears it"
      }
      for (String sep : new String[] {"::", "#", ".", " > "}) {
        int at = s.lastIndexOf(sep);
        if (at > 0) {
          String head = s.substring(0, at);
          String tail = s.substring(at + sep.length());
          if ((tail.equals(name) || tail.equals(display))
              && (head.equals(suite)
                  || head.equals(t.file().toLowerCase(Locale.ROOT))
                  || suite.endsWith("." + head)
                  || suite.endsWith(" > " + head) // a TAP subtest: "render.tap > html"
                  || t.file().toLowerCase(Locale.ROOT).endsWith("/" + head))) {
            return true;
          }
        }
      }
      return false;
    }
  },
  /** A tag or marker. */
  TAGS("tag") {
    @Override
    boolean matches(String subject, List<String> words, TestEvidence t) {
      for (String tag : t.tags()) {
        if (tag.equalsIgnoreCase(subject) || Names.same(Names.normalize(tag), words)) {
          return true;
        }
      }
      return false;
    }
  },
  /** A source file, or a directory of them. */
  FILES("file") {
    @Override
    boolean matches(String subject, List<String> words, TestEvidence t) {
      String file = t.file().replace('\\', '/');
      if (file.isEmpty()) {
        return false;
      }
      String s = subject.replace('\\', '/').replaceAll("/+$", "");
      if (file.equalsIgnoreCase(s)
          || file.endsWith("/" + s)
          || file.startsWith(s + "/")
          || file.contains("/" + s + "/")) {
        return true;
      }
      if (words.isEmpty()) {
        return false;
      }
      for (String segment : file.split("/")) {
        if (Names.same(Names.normalize(segment), words)) {
          return true;
        }
      }
      return false;
    }
  },
  /** A suite (class, describe block, package): whole, its last segment, or a package segment. */
  SUITES("suite") {
    @Override
    boolean matches(String subject, List<String> words, TestEvidence t) {
      String suite = t.id().suite();
      if (suite.isEmpty()) {
        return false;
      }
      if (suite.equalsIgnoreCase(subject)) {
        return true;
      }
      // A nested suite belongs to its parent: "render.tap" holds the TAP subtest group
      // "render.tap > html".
      if (!subject.isBlank()
          && suite.regionMatches(true, 0, subject, 0, subject.length())
          && suite.startsWith(" > ", subject.length())) {
        return true;
      }
      // A Go package or a nested module by its path: "internal/store" names
      // github.com/acme/ledger/internal/store.
      String path = subject.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
      if (path.contains("/") && suite.toLowerCase(Locale.ROOT).endsWith("/" + path)) {
        return true;
      }
      // A suite named after its result file ("04-failover.t.tap") is named by the script it ran:
      // "t/04-failover.t".
      String file = path.substring(path.lastIndexOf('/') + 1);
      if (file.contains(".")
          && suite
              .toLowerCase(Locale.ROOT)
              .replaceFirst("\\.(?:tap|xml|json|trx)$", "")
              .equals(file)
          && !suite.equalsIgnoreCase(file)) {
        return true;
      }
      for (String segment : SUITE_SEPARATORS.split(suite)) {
        if (segment.equalsIgnoreCase(subject) || Names.same(Names.normalize(segment), words)) {
          return true;
        }
      }
      // jest-junit: every test its own suite, "describe title": the describe block is the start
      return suite.equals(t.id().name())
          && suite.length() > subject.length()
          && suite.regionMatches(true, 0, subject, 0, subject.length())
          && suite.charAt(subject.length()) == ' '
          && !subject.isBlank();
    }
  },
  /**
   * A directory the result files were found in, below the one ingested: a module ({@code
   * ledger-core/target/surefire-reports}), the {@code backend} and {@code web} of one run. The
   * directories runners write to ({@code target}, {@code build/test-results}) name nothing, nor
   * does a directory that holds every result of the run.
   */
  PLACES("result directory") {
    @Override
    boolean matches(String subject, List<String> words, TestEvidence t) {
      String s = subject.replace('\\', '/').replaceAll("/+$", "");
      for (String place : t.places()) {
        if (place.equalsIgnoreCase(s)
            || place.toLowerCase(Locale.ROOT).startsWith(s.toLowerCase(Locale.ROOT) + "/")) {
          return true;
        }
        for (String segment : place.split("/")) {
          if (!RUNNER_DIRECTORIES.contains(segment.toLowerCase(Locale.ROOT))
              && (segment.equalsIgnoreCase(s)
                  || !words.isEmpty() && Names.same(Names.normalize(segment), words))) {
            return true;
          }
        }
      }
      return false;
    }
  };

  /** Directories runners write their results to: they name no part of a run. */
  private static final java.util.Set<String> RUNNER_DIRECTORIES =
      java.util.Set.of(
          "target",
          "build",
          "surefire-reports",
          "failsafe-reports",
          "test-results",
          "testresults",
          "junit-platform",
          "nextest",
          "default",
          "bazel-testlogs",
          "test",
          "tests");

  /** "boostsRecentListings()" without its "()" (a regex here would run for every test). */
  private static String withoutParens(String name) {
    return name.endsWith("()") ? name.substring(0, name.length() - 2) : name;
  }

  private static final java.util.regex.Pattern SUITE_SEPARATORS =
      java.util.regex.Pattern.compile("[./:]|\\s>\\s");

  private final String kind;

  Resolvers(String kind) {
    this.kind = kind;
  }

  abstract boolean matches(String subject, List<String> words, TestEvidence t);

  @Override
  public Optional<Scope> resolve(String subject, List<RunEvidence> runs) {
    List<String> words = Names.normalize(subject);
    BiPredicate<String, TestEvidence> test = (s, t) -> matches(s, words, t);
    List<TestEvidence> found = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    // Tags, files and suites are shared by many tests: each is matched once.
    java.util.Map<Object, Boolean> memo = new java.util.HashMap<>();
    for (RunEvidence r : runs) {
      boolean any = false;
      for (TestEvidence t : r.tests()) {
        Object key =
            switch (this) {
              case TEST_NAMES -> null;
              case TAGS -> t.tags();
              case FILES -> t.file();
              case SUITES -> t.id().suite();
              case PLACES -> t.places();
            };
        boolean matches =
            key == null
                ? test.test(subject, t)
                : memo.computeIfAbsent(key, k -> test.test(subject, t));
        if (matches) {
          found.add(t);
          any = true;
        }
      }
      if (any) {
        ids.add(r.run().id());
      }
    }
    if (found.isEmpty()
        || this == PLACES && found.size() == runs.stream().mapToInt(r -> r.tests().size()).sum()) {
      return Optional.empty();
    }
    return Optional.of(
        Scope.of(
            "%s (%d %s) in run%s %s"
                .formatted(
                    describe(subject, found),
                    found.size(),
                    found.size() == 1 ? "test" : "tests",
                    ids.size() == 1 ? "" : "s",
                    Scope.join(ids)),
            found,
            ids));
  }

  /** What matched: "files under tests/integration/agent_execution_core/", "suite CartTest". */
  String describe(String subject, List<TestEvidence> found) {
    if (this == PLACES) {
      return "result files in " + subject; // "result files in ledger-core (15 tests) in run 2"
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (TestEvidence t : found) {
      names.add(
          switch (this) {
            case TEST_NAMES -> t.id().toString();
            case TAGS -> subject;
            case FILES -> t.file();
            case SUITES -> t.id().suite();
            case PLACES -> String.join(", ", t.places());
          });
    }
    if (names.size() == 1) {
      return kind + " " + names.iterator().next();
    }
    if (this == SUITES && names.stream().allMatch(n -> n.startsWith(subject + " "))) {
      return "describe block " + subject; // jest-junit: a suite per test, named after its block
    }
    if (this == FILES) {
      String first = names.iterator().next();
      String prefix = first.substring(0, first.lastIndexOf('/') + 1);
      for (String n : names) {
        while (!prefix.isEmpty() && !n.startsWith(prefix)) {
          prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1);
        }
      }
      return prefix.isEmpty() ? names.size() + " files" : "files under " + prefix;
    }
    return names.size()
        + " "
        + (this == TEST_NAMES ? "tests named " + subject : kind + "s matching " + subject);
  }

  @Override
  public String lookedFor() {
    return kind;
  }
}
