package dev.evident.verify;

import dev.evident.model.TestId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "6 new tests, all in `MapperTest`", "adds 3 regression tests": tests of the latest run that the
 * baseline run lacks, of the whole run or of the class, file or suite the sentence names. Never a
 * total of the run. A count that differs is CONTRADICTED for the whole run and for a class or file
 * of that very name; of a part matched only by a piece of its name it is unverifiable.
 */
final class NewTests {

  /** The label of the quantity such a claim states. */
  static final String LABEL = "new tests";

  private static final Pattern NEW =
      Pattern.compile(
          "(?<![\\w.,/+-])(?<n>\\d+)\\s+(?:new|newly\\s+added|additional|extra)\\s+(?:(?<q>[\\w-]+)\\s+)?"
              + "(?:tests?|specs?|test\\s+cases|cases)\\b"
              + "|\\b(?:adds?|added|adding|introduces|introduced|wrote|writes)\\s+(?<m>\\d+)\\s+"
              + "(?:new\\s+)?(?:(?<r>[\\w-]+)\\s+)?(?:tests?|specs?|test\\s+cases|cases)\\b"
              // "2 tests added (a and b)", "3 specs were added"
              + "|(?<![\\w.,/+-])(?<a>\\d+)\\s+(?:new\\s+)?(?:tests?|specs?|test\\s+cases|cases)\\s+"
              + "(?:(?:were|have\\s+been|got)\\s+)?added\\b"
              // "We grew the suite by 4 tests (40 → 44)": as many new tests, when the totals follow
              // (a part that "grew by 3 tests" alone is a count of that part's tests to check)
              + "|\\b(?:grew|grown|grows)\\s+(?:(?:the|our|its)\\s+[\\w-]+\\s+)?by\\s+(?<g>\\d+)\\s+"
              + "(?:new\\s+)?(?:tests?|specs?|test\\s+cases|cases)\\b"
              + "(?=[^()\\d]*\\(\\s*\\d+\\s*(?:→|->|to)\\s*\\d+)"
              // "Tests added (3 new, all passing)": a checklist's count
              + "|\\b(?:tests?|specs?)\\s+(?:added|written)\\s*\\(\\s*(?<p>\\d+)\\s+new\\b",
          Pattern.CASE_INSENSITIVE);

  /** Where the sentence puts them: "in `ShipmentMapperTest`", "for PayoutSchedulerTest". */
  private static final Pattern WHERE =
      Pattern.compile(
          "`([^`\\s]+)`|\\b([A-Z]\\w*(?:Test|Tests|Spec|IT))\\b|\\b([\\w/.-]+\\.[a-z]{2,4})\\b"
              // "to the CouponInput suite"
              + "|\\b(?:to|in|into|for)\\s+the\\s+([A-Z]\\w+)\\s+(?:suite|class|spec|module|package)\\b");

  /** Words between a count and "tests" that name no part: "3 more tests", "2 new tests". */
  private static final Set<String> KINDLESS =
      Set.of("new", "more", "additional", "extra", "other", "test", "of", "the", "passing");

  private NewTests() {}

  /** The claim of a sentence that counts new tests, or null. */
  static Claim read(int line, String s, boolean temporal) {
    Matcher m = NEW.matcher(s);
    if (!m.find() || Plans.isPlanned(s, m.start(), m.end())) {
      return null; // "we will add 20 tests next sprint": a plan
    }
    String n = number(m);
    Matcher where = WHERE.matcher(s);
    String subject = "";
    if (where.find()) {
      for (int g = 1; g <= where.groupCount() && subject.isEmpty(); g++) {
        subject = where.group(g) == null ? "" : where.group(g);
      }
    }
    String spread = spread(s.substring(m.end()));
    subject = spread == null ? subject : spread;
    String listed = listed(s.substring(m.end()), Double.parseDouble(n));
    subject = listed == null ? subject : listed;
    String qualifier = m.group("q") != null ? m.group("q") : m.group("r");
    if (subject.isEmpty()
        && qualifier != null
        && !KINDLESS.contains(qualifier.toLowerCase(Locale.ROOT))) {
      subject = qualifier; // "2 new parser tests": of the parser, when a part is so named
    }
    Quantity q = new Quantity(Measure.OTHER, Double.parseDouble(n), Bound.EXACT, 0, LABEL);
    ClaimKind kind = subject.isEmpty() ? ClaimKind.CHANGE : ClaimKind.NAMED;
    return new Claim(line, s.strip(), kind, subject, List.of(q), List.of(), null, null, temporal);
  }

  /** A share of the new tests in one place: "1 in `PaymentTests`", "2 for `webhook_test.go`". */
  private static final Pattern SHARE =
      Pattern.compile(
          "(?<![\\w.,/+-])\\d+\\s+(?:new\\s+)?(?:tests?\\s+)?(?:in|for|under|to)\\s+(?:the\\s+)?"
              + "(?:`([^`\\s]+)`|\\b([A-Z]\\w*(?:Test|Tests|Spec|IT))\\b|\\b([\\w/.-]+\\.[a-z]{2,4})\\b)");

  /** Places joined in one subject: the new tests of all of them together. */
  static final String AND = " + ";

  /**
   * The places the count is spread over ("3 new tests: 1 in `A`, 2 in `B`"), joined by {@link
   * #AND}, or null when it names fewer than two shares.
   */
  private static String spread(String rest) {
    java.util.LinkedHashSet<String> places = new java.util.LinkedHashSet<>();
    for (Matcher m = SHARE.matcher(rest); m.find(); ) {
      places.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return places.size() < 2 ? null : String.join(AND, places);
  }

  /** A name in backticks, its call parentheses left out: `rotatesSigningKey()`. */
  private static final Pattern TICKED = Pattern.compile("`([^`\\s(]+)(?:\\(\\))?`");

  /** Where a list of the new tests opens: "2 new tests:", "2 new tests added (". */
  private static final Pattern LIST_OPENS =
      Pattern.compile("^\\s*(?:(?:added|written|landed|so\\s+far|in\\s+total)\\s*)?([:(])");

  /**
   * The tests the count lists after a colon or in parentheses ("2 new tests:
   * `LedgerTest.reversesPosting`, `rotatesKey()` in auth", "2 new tests added (`a`, `b`)"), joined
   * by {@link #AND}, or null when the list does not hold as many names as the count says.
   */
  private static String listed(String rest, double n) {
    Matcher open = LIST_OPENS.matcher(rest);
    if (!open.find()) {
      return null;
    }
    String list = rest.substring(open.end());
    list =
        open.group(1).equals("(")
            ? list.replaceFirst("(?s)\\).*", "")
            : list.replaceFirst("(?s)[;.](?:\\s.*|$)", "");
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Matcher m = TICKED.matcher(list); m.find(); ) {
      names.add(m.group(1));
    }
    return names.isEmpty() || names.size() != n ? null : String.join(AND, names);
  }

  /** Whether a sentence counts {@code n} new or added tests ("Added 2 tests for refunds"). */
  static boolean counts(String s, double n) {
    for (Matcher m = NEW.matcher(s); m.find(); ) {
      String k = number(m);
      if (Double.parseDouble(k) == n) {
        return true;
      }
    }
    return false;
  }

  private static String number(Matcher m) {
    for (String group : List.of("n", "m", "a", "g")) {
      if (m.group(group) != null) {
        return m.group(group);
      }
    }
    return m.group("p");
  }

  /**
   * The new-tests claim that stands instead of a count claim, the only one of its sentence, when
   * the count is of new tests of a named part or of the whole run ({@link #ofAll}): "added 3 tests
   * to the CouponInput suite" reads as 3 tests, and they are the ones added there. Else null.
   */
  static Claim insteadOf(Claim c, String s) {
    if (c.kind() != ClaimKind.COUNT
        || c.stated().size() != 1
        || !c.stated().get(0).measure().isTotal()
        || !counts(s, c.stated().get(0).value())) {
      return null;
    }
    Claim added = read(c.line(), s, c.temporal());
    return added != null && (!added.subject().isEmpty() || ofAll(s, c.stated().get(0).value()))
        ? added
        : null;
  }

  /**
   * Words after a count of added tests that leave them all the run's new ones: "We added 4 tests
   * this week.", "5 tests added in total."
   */
  private static final Pattern OF_ALL_AFTER =
      Pattern.compile(
          "(?i)(?:\\s*,?\\s*(?:in\\s+total|overall|altogether|week\\s+over\\s+week"
              + "|(?:this|last|over\\s+the|during\\s+the|in\\s+the)\\s+"
              + "(?:week|sprint|month|release|session|iteration|period|quarter)))*\\s*[.!;]?\\s*");

  /** A part named before the count: "in billing we added", "`CartTests`: added". */
  private static final Pattern PART_BEFORE =
      Pattern.compile("(?i)`|\\b(?:in|for|to|under|within)\\s|:");

  /**
   * Whether a sentence counts {@code n} added tests and nothing else narrows them: no kind of test
   * ("3 regression tests"), no part named before the count, no words after it but of time ("We
   * added 4 tests week over week"), so that they are all the tests the latest run has and the
   * baseline lacks. "Added 2 tests for refunds" may be some of them.
   */
  static boolean ofAll(String s, double n) {
    for (Matcher m = NEW.matcher(s); m.find(); ) {
      String kind = m.group("q") != null ? m.group("q") : m.group("r");
      if (Double.parseDouble(number(m)) == n
          && (kind == null || KINDLESS.contains(kind.toLowerCase(Locale.ROOT)))
          && !PART_BEFORE.matcher(s.substring(0, m.start())).find()
          && OF_ALL_AFTER.matcher(s.substring(m.end())).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a claim counts new tests. */
  static boolean is(Claim c) {
    return c.stated().size() == 1 && LABEL.equals(c.stated().get(0).label());
  }

  /** The claim checked against the tests of the latest run that the baseline lacks. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    if (evidence.baseline() == null || evidence.runs().isEmpty()) {
      return unverifiable("no baseline run to tell new tests from old ones");
    }
    RunEvidence latest = evidence.latest();
    Set<TestId> old = new HashSet<>();
    evidence.baseline().tests().forEach(t -> old.add(t.id()));
    List<String> parts = List.of(c.subject().toLowerCase(Locale.ROOT).split(Pattern.quote(AND)));
    String part = c.subject().toLowerCase(Locale.ROOT);
    int inPart = 0;
    int fresh = 0;
    boolean exact = true; // every test matched is of a class or file of that very name
    for (TestEvidence t : latest.tests()) {
      String suite = t.id().suite().toLowerCase(Locale.ROOT);
      String file = t.file() == null ? "" : t.file().toLowerCase(Locale.ROOT);
      String name = t.id().name().toLowerCase(Locale.ROOT);
      // "LedgerTest.reversesPosting": a test written with its class
      String where = suite + " " + file + " " + name + " " + suite + "." + name;
      String in = parts.stream().filter(where::contains).findFirst().orElse(null);
      if (part.isEmpty() || in != null) {
        inPart++;
        fresh += old.contains(t.id()) ? 0 : 1;
        exact &=
            part.isEmpty()
                || suite.equals(in)
                || suite.endsWith("." + in)
                || file.equals(in)
                || file.endsWith("/" + in)
                || named(HeldNames.fileName(t), in)
                || named(HeldNames.lastSegment(t.id().suite()), in);
      }
    }
    String dir = c.subject().replaceFirst("/[^/]+\\.[a-z]{1,4}$", "");
    if (inPart == 0 && !dir.equals(c.subject()) && dir.contains("/")) {
      // "`internal/parser/amount.go`: ... with 2 new tests": the tests of its directory
      return check(
          new Claim(c.line(), c.text(), c.kind(), dir, c.stated(), List.of(), null, null, false),
          evidence);
    }
    if (inPart == 0 && c.subject().matches("[a-z][a-z0-9-]*")) {
      // "adds 3 regression tests": a kind of test, not a part: the run's new tests, which may
      // count others too
      EvidenceCheck.Result whole =
          check(
              new Claim(c.line(), c.text(), c.kind(), "", c.stated(), List.of(), null, null, false),
              evidence);
      return whole.verdict() == Verdict.CONTRADICTED
          ? new EvidenceCheck.Result(
              Verdict.UNVERIFIABLE,
              whole.actual(),
              "'%s' names no part, and the run's new tests may be more than those: %s"
                  .formatted(c.subject(), whole.reason()),
              whole.runs())
          : whole;
    }
    if (inPart == 0) {
      return unverifiable(
          "nothing in run %d is named '%s'".formatted(latest.run().id(), c.subject()));
    }
    double stated = c.stated().get(0).value();
    List<Long> runs = List.of(evidence.baseline().run().id(), latest.run().id());
    String found =
        "%d test%s of run %d%s not in run %d"
            .formatted(
                fresh,
                fresh == 1 ? "" : "s",
                latest.run().id(),
                part.isEmpty() ? "" : " under '" + c.subject() + "'",
                evidence.baseline().run().id());
    Map<String, Object> actual = Map.of(LABEL, fresh);
    if (fresh == stated) {
      return new EvidenceCheck.Result(Verdict.SUPPORTED, actual, found, runs);
    }
    return new EvidenceCheck.Result(
        part.isEmpty() || exact ? Verdict.CONTRADICTED : Verdict.UNVERIFIABLE,
        actual,
        "stated %s new, actual: %s".formatted(Compare.format(stated), found),
        runs);
  }

  /** Whether a file or class is named by the words of {@code part}: "profile", profile.spec.ts. */
  private static boolean named(String name, String part) {
    return Names.same(Names.normalize(name), Names.normalize(part));
  }

  private static EvidenceCheck.Result unverifiable(String why) {
    return new EvidenceCheck.Result(Verdict.UNVERIFIABLE, Map.of(), why, List.of());
  }
}
