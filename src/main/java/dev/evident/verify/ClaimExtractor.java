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

  private static final Pattern FRACTION_STATUS =
      Pattern.compile(
          "\\d\\s*(?:/|of|out\\s+of)\\s*\\d+\\s+(?:passing|passed|pass|failing|failed|fail)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STATUS_PAIR =
      Pattern.compile(
          "\\d+\\s+(?:passing|passed|failing|failed|skipped|errors?|errored)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words that make a change a change of test results. */
  private static final Pattern TEST_WORDS =
      Pattern.compile(
          "\\b(?:tests?|specs?|suites?|pass\\w*|fail\\w*|skip\\w*|errors?|errored|green|red"
              + "|success\\w*|broken|flaky|coverage|covered)\\b",
          Pattern.CASE_INSENSITIVE);

  private ClaimExtractor() {}

  /** The claims of a report's text; {@code includeQuoted} reads code blocks and quotes too. */
  static Extracted extract(String text, boolean includeQuoted) {
    String markdown = CheckNouns.asTests(text);
    MarkdownReport report = MarkdownReport.parse(markdown, includeQuoted);
    boolean eval = EvalChanges.isEvalReport(markdown);
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
      // "Service: 25 of 27 passing" in a report about tests: a fraction with its status.
      boolean context =
          testSections.contains(block.section())
              || (!testSections.isEmpty() && FRACTION_STATUS.matcher(block.text()).find());
      int from = 0;
      for (int[] cut : Sentences.cuts(block)) {
        sentence(
            block,
            from,
            cut[0],
            from == 0 || Sentences.startsStatement(block, from),
            context,
            eval,
            claims);
        from = cut[1];
      }
      if (from < block.text().length()) {
        sentence(
            block,
            from,
            block.text().length(),
            from == 0 || Sentences.startsStatement(block, from),
            context,
            eval,
            claims);
      }
    }
    claims.addAll(NamedTests.listed(report.blocks()));
    for (TableBlock table : report.tables()) {
      TableParser.Parsed parsed = TableParser.parse(table);
      List<Claim> rows = BaselineTables.of(table, report.blocks(), parsed.claims());
      claims.addAll(rows);
      for (int i = 0; i < rows.size(); i++) {
        String why = parsed.inconsistent().get(parsed.claims().get(i));
        if (why != null) {
          inconsistent.put(rows.get(i), why);
        }
      }
    }
    for (int i = 0; i < claims.size(); i++) {
      // "1 checkout test needed a retry": a count of what tests did, not of how many there are
      Claim c = claims.get(i);
      Claim read = SkipAndRetryCounts.read(c);
      if (read != c) {
        claims.set(i, read);
        String why = inconsistent.remove(c);
        if (why != null) {
          inconsistent.put(read, why);
        }
      }
    }
    claims.sort(java.util.Comparator.comparingInt(Claim::line));
    return new Extracted(
        ChangeClaims.withAntecedents(ReportRuns.tie(markdown, claims)), inconsistent);
  }

  private static void sentence(
      TextBlock block,
      int from,
      int to,
      boolean first,
      boolean context,
      boolean eval,
      List<Claim> out) {
    String s = block.text().substring(from, to);
    if (s.isBlank() || Plans.isInstruction(s)) {
      return;
    }
    boolean heading = block.kind() == TextBlock.Kind.HEADING;
    // "### Test plan" then "- [x] `TaxTest`: 18/18 passing": a checked box says what was done
    boolean countsArePlans =
        heading
            ? Plans.isPlanHeadingText(s)
            : block.section().isPlan() && !Boolean.TRUE.equals(block.task());
    boolean temporal =
        Plans.isTemporal(s) || block.section().isTemporal() || Plans.earlierLead(block.text());
    String subject = SentenceSubjects.of(block, s, first);
    boolean labeled = first && !subject.isEmpty() && Sentences.opensWith(s, subject);
    boolean implied =
        block.kind() != TextBlock.Kind.HEADING
            && !subject.isEmpty()
            && subject.equals(block.section().subject())
            && block.section().impliesSubject();
    int before = out.size();
    sentence(block, from, s, subject, labeled, countsArePlans, context, temporal, out);
    if (eval && !heading && !countsArePlans) {
      // "summarize improved from 24 to 26" in an evaluation report: samples of a task set.
      EvalChanges.read(
          block.lineAt(from + s.length() - s.stripLeading().length()), s, temporal, out, before);
    }
    Claim added =
        out.size() == before + 1 && !heading ? NewTests.insteadOf(out.get(before), s) : null;
    if (added != null) {
      out.set(before, added); // "added 3 tests to the CouponInput suite": new ones, not a total
    }
    if (out.size() == before && !heading && !countsArePlans && !Plans.isPlanned(s, 0, 0)) {
      // "6 new tests"; "p99 latency 41 ms → 12 ms", "Coverage: 94%": a result no run speaks to.
      int line = block.lineAt(from + s.length() - s.stripLeading().length());
      Claim other = VerbCounts.orOther(line, s, temporal);
      if (other != null) {
        out.add(other);
      }
    }
    for (int i = before; implied && i < out.size(); i++) {
      Claim c = out.get(i);
      if (c.subject().equals(subject)) {
        // The sentence names no subject: it is a count, rate or universal claim of its section.
        ClaimKind kind =
            c.kind() != ClaimKind.NAMED
                ? c.kind()
                : c.expectation() != null
                    ? ClaimKind.UNIVERSAL
                    : c.stated().stream().anyMatch(q -> q.measure().isRate())
                        ? ClaimKind.RATE
                        : ClaimKind.COUNT;
        out.set(i, c.impliedBy(subject, kind));
      }
    }
  }

  private static void sentence(
      TextBlock block,
      int from,
      String s,
      String subject,
      boolean labeled,
      boolean countsArePlans,
      boolean context,
      boolean temporal,
      List<Claim> out) {
    String text = s.strip();

    String mono = NamedWordings.monospace(s); // "{{TaxEngineTests}}": a name, as in backticks
    List<StatementParser.Found> statements = NamedTests.with(StatementParser.parse(mono), mono);
    for (StatementParser.Found st : statements) {
      if (Plans.isPlanned(s, st.start(), st.end())) {
        continue;
      }
      String who = st.subject().isEmpty() ? subject : st.subject();
      List<Quantity> stated =
          st.count() == null ? List.of() : List.of(Quantity.exact(Measure.TESTS, st.count()));
      // "API: 22/22, all green", "`InvoiceControllerTest`: all 12 pass": of the named subject.
      boolean ofLabel = st.subject().isEmpty() && labeled;
      ClaimKind kind = st.named() || ofLabel ? ClaimKind.NAMED : ClaimKind.UNIVERSAL;
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
              temporal));
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
    Claim twoRuns =
        change == null ? PerRunCounts.read(block.lineAt(from), s, text, temporal) : null;
    if (twoRuns != null) {
      out.add(twoRuns); // "Failures: 4 in 2.0, 1 in 2.1": a change from the earlier run
      return;
    }
    if (labeled && counts.isEmpty() && statements.isEmpty() && change == null) {
      // "RefundFlowTests: 10/11 in #5512, 11/11 in #5513": a change from the earlier run.
      Claim perRun = CountPhrases.perRun(block.lineAt(from), s, text, subject, temporal);
      if (perRun != null) {
        out.add(perRun);
        return;
      }
    }
    if (labeled
        && (statements.isEmpty() || change != null)
        && counts.stream().allMatch(ClaimExtractor::outcomesOnly)) {
      CountParser.Found bare = CountPhrases.bareFraction(s);
      if (bare != null
          && !bare.planned()
          && (change == null || bare.end() <= change.start())
          && counts.stream().allMatch(f -> f.start() >= bare.end())) {
        // "`InvoiceTest`: 21/21", "Lexer: 7/8, with 1 failure": the fraction after the label
        counts.add(0, bare);
      }
    } else if (counts.isEmpty() && change == null) {
      counts.addAll(CountClaims.fractionAfterAll(s, statements)); // "All tests passing! (37/37)"
    }
    // "Max attempts lowered from 5 to 3", "CI is 20x faster": a change of something else; a
    // fraction in a section about tests ("14x from 1/18") is of tests.
    boolean ofTests =
        TEST_WORDS.matcher(s).find()
            || !counts.isEmpty()
            || (context && change != null && (change.fromOf() != null || change.toOf() != null));
    if (change != null
        && !ofTests
        && !(context && change.percent() && ChangeClaims.refersBack(s))) {
      change = null; // "That's a jump from 83% to 96%" is kept: the change before says of what
    }
    if (change != null && !Plans.isPlanned(s, change.start(), change.end())) {
      // "All 48 tests passing (was 41/48)": the statement's count is the number after.
      Double all =
          statements.stream()
              .filter(st -> st.count() != null && st.expectation() == Expectation.PASS)
              .map(StatementParser.Found::count)
              .findFirst()
              .orElse(null);
      out.add(ChangeClaims.of(block, from, s, text, subject, change, counts, all, temporal));
      // "48/50 passing, up from 41/50": the count now is a claim of its own beside the change.
      ChangeParser c = change;
      List<CountParser.Found> now =
          counts.stream()
              .filter(f -> f.end() <= c.start() && !f.quantities().get(0).measure().isRate())
              .toList();
      if (c.to() != null || c.percent() || c.fixed() || c.factor() != null || now.isEmpty()) {
        return;
      }
      counts = new ArrayList<>(now);
    }
    CountClaims.add(block, from, s, text, subject, counts, temporal, out);
  }

  /** A count of failed, errored or skipped tests only: no fraction of passing ones. */
  private static boolean outcomesOnly(CountParser.Found f) {
    return f.quantities().stream()
        .allMatch(
            q ->
                q.measure() == Measure.FAILING
                    || q.measure() == Measure.ERRORED
                    || q.measure() == Measure.SKIPPED);
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
