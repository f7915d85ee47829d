package dev.evident.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the checkable claims of a Markdown report: counts, rates, changes, universal statements,
 * claims about named tests, suites, files or categories, and table rows; each with its line. Plans
 * and targets are left out (see {@link Plans}); so are code blocks and quoted output unless asked.
 */
public final class ClaimExtractor {

  /** The claims of a report, and those its own tables contradict. */
  record Extracted(List<Claim> claims, Map<Claim, String> inconsistent) {}

  private static final Pattern TEST_CONTEXT =
      Pattern.compile(
          "\\b(tests?|specs?|pytest|junit|suites?|test\\s+cases?|testing)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STATUS_PAIR =
      Pattern.compile(
          "\\d+\\s+(?:passing|passed|failing|failed|skipped|errors?|errored)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SENTENCE_END =
      Pattern.compile(
          "(?<=[.!?])\\s+(?=[A-Z0-9✅❌⏭*\"'(\\[`\\p{So}])"
              // a line of a paragraph that starts with a label: "Pass rate: up from 5.6%"
              + "|\\s*\\n(?=[^\\n:.!?]{1,40}:\\s)");

  private ClaimExtractor() {}

  /** The claims of a report's text; {@code includeQuoted} reads code blocks and quotes too. */
  static Extracted extract(String markdown, boolean includeQuoted) {
    MarkdownReport report = MarkdownReport.parse(markdown, includeQuoted);
    List<Claim> claims = new ArrayList<>();
    Map<Claim, String> inconsistent = new IdentityHashMap<>();
    // A number with a status word and no test noun ("4 failing") counts where the section speaks
    // of tests: in its headings or any of its blocks.
    java.util.Set<Section> testSections = new java.util.HashSet<>();
    for (TextBlock block : report.blocks()) {
      if (TEST_CONTEXT.matcher(block.text()).find()
          || block.section().headings().stream().anyMatch(h -> TEST_CONTEXT.matcher(h).find())) {
        testSections.add(block.section());
      }
    }
    for (TextBlock block : report.blocks()) {
      boolean context = testSections.contains(block.section());
      Matcher end = SENTENCE_END.matcher(block.text());
      int from = 0;
      while (from < block.text().length()) {
        int to = end.find() ? end.start() : block.text().length();
        sentence(block, from, to, from == 0, context, claims);
        from = to == block.text().length() ? to : end.end();
      }
    }
    for (TableBlock table : report.tables()) {
      TableParser.Parsed parsed = TableParser.parse(table);
      claims.addAll(parsed.claims());
      inconsistent.putAll(parsed.inconsistent());
    }
    claims.sort(java.util.Comparator.comparingInt(Claim::line));
    return new Extracted(claims, inconsistent);
  }

  private static void sentence(
      TextBlock block, int from, int to, boolean first, boolean context, List<Claim> out) {
    String s = block.text().substring(from, to);
    if (s.isBlank() || Plans.isInstruction(s)) {
      return;
    }
    boolean heading = block.kind() == TextBlock.Kind.HEADING;
    boolean countsArePlans = heading ? Plans.isPlanHeadingText(s) : block.section().isPlan();
    boolean temporal = Plans.isTemporal(s) || block.section().isTemporal();
    SentenceSubjects.Subject named = SentenceSubjects.of(block, s, first);
    String subject = named.name();
    String text = s.strip();

    List<StatementParser.Found> statements = StatementParser.parse(s);
    for (StatementParser.Found st : statements) {
      if (Plans.isPlanned(s, st.start(), st.end())) {
        continue;
      }
      String who = st.subject().isEmpty() ? subject : st.subject();
      boolean implied =
          st.subject().isEmpty()
              ? named.implied()
              : !st.named() && StatementParser.namesTheSystem(who);
      List<Quantity> stated = new ArrayList<>();
      if (st.count() != null) {
        stated.add(Quantity.exact(Measure.TESTS, st.count()));
      }
      if (st.allBut() != null) {
        stated.add(Quantity.exact(Measure.NOT_PASSING, st.allBut()));
      }
      // "`tests/test_billing.py` has no failures": a statement about a named test or file.
      ClaimKind kind =
          st.named() || !implied && Subjects.isIdentifier(who)
              ? ClaimKind.NAMED
              : ClaimKind.UNIVERSAL;
      out.add(
          new Claim(
              block.lineAt(from + st.start()),
              text,
              kind,
              who,
              stated,
              List.of(),
              st.expectation(),
              null,
              temporal,
              implied));
    }
    if (countsArePlans) {
      return;
    }
    boolean pairs = countMatches(STATUS_PAIR, s) >= 2;
    List<CountParser.Found> counts = new ArrayList<>();
    for (CountParser.Found f : CountParser.parse(s, context || pairs)) {
      if (!f.planned() && !inside(statements, f.start())) {
        counts.add(f);
      }
    }
    ChangeParser change = ChangeParser.parse(s);
    if (change != null && !Plans.isPlanned(s, change.start(), change.end())) {
      // "All 48 tests passing (was 41/48)": the statement's count is the number after.
      Double all =
          statements.stream()
              .filter(st -> st.count() != null && st.expectation() == Expectation.PASS)
              .map(StatementParser.Found::count)
              .findFirst()
              .orElse(null);
      out.add(
          ChangeClaims.of(block, from, s, text, subject, change, counts, all, temporal)
              .implied(named.implied()));
      return;
    }
    // A rate right after a fraction ("17/20 export tests passing (85%)") is about its subject.
    Map<String, List<CountParser.Found>> bySubject = new java.util.LinkedHashMap<>();
    String last = subject;
    for (CountParser.Found f : counts) {
      boolean rateOnly = f.quantities().stream().allMatch(q -> q.measure().isRate());
      String who = !f.subject().isEmpty() ? f.subject() : rateOnly ? last : subject;
      bySubject.computeIfAbsent(who, k -> new ArrayList<>()).add(f);
      last = who;
    }
    for (Map.Entry<String, List<CountParser.Found>> e : bySubject.entrySet()) {
      boolean implied = named.implied() && e.getKey().equals(subject);
      List<List<CountParser.Found>> groups = claimsOf(e.getValue());
      for (List<CountParser.Found> group : groups) {
        List<Quantity> stated = new ArrayList<>();
        group.forEach(f -> stated.addAll(f.quantities()));
        boolean rate = stated.stream().anyMatch(q -> q.measure().isRate());
        boolean alone = groups.size() == 1; // no separate count claim
        ClaimKind kind =
            !e.getKey().isEmpty() && !implied && (alone || !rate)
                ? ClaimKind.NAMED
                : rate ? ClaimKind.RATE : ClaimKind.COUNT;
        out.add(
            new Claim(
                block.lineAt(from + group.get(0).start()),
                text,
                kind,
                e.getKey(),
                stated,
                List.of(),
                null,
                null,
                temporal,
                implied));
      }
    }
  }

  /**
   * The claims the counts of one subject make. A sentence's counts and its rate are two claims
   * ("14/18 tests passing (77.8%)": a count, and a rate checked with the fraction it comes from).
   * Counts of parts with no total ("31 passing, 1 failing, 1 skipped") are one claim each; counts
   * with their total ("6 tests: 4 passed, 2 failed") stay one claim, so that they can be added up.
   */
  private static List<List<CountParser.Found>> claimsOf(List<CountParser.Found> found) {
    List<CountParser.Found> counts = new ArrayList<>();
    boolean rate = false;
    for (CountParser.Found f : found) {
      if (f.quantities().stream().anyMatch(q -> q.measure().isRate())) {
        rate = true;
      } else {
        counts.add(f);
      }
    }
    List<List<CountParser.Found>> claims = new ArrayList<>();
    boolean parts =
        counts.size() >= 2
            && counts.stream()
                .allMatch(
                    f -> f.quantities().size() == 1 && f.quantities().get(0).measure().isPart());
    if (parts) {
      counts.forEach(f -> claims.add(List.of(f)));
    } else if (!counts.isEmpty()) {
      claims.add(counts);
    }
    if (rate) {
      claims.add(found); // the rate with the counts it may be the percentage of
    }
    return claims;
  }

  private static boolean inside(List<StatementParser.Found> statements, int at) {
    for (StatementParser.Found st : statements) {
      if (at >= st.start() && at < st.end()) {
        return true;
      }
    }
    return false;
  }

  private static int countMatches(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
