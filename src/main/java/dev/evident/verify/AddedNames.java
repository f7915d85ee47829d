package dev.evident.verify;

import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Added `ParsesEan8`", "wrote `test_refund_twice` and `test_refund_zero`": tests the sentence says
 * were added, by name. SUPPORTED when the latest run has tests of those names and the baseline run
 * has none of them; otherwise UNVERIFIABLE, never CONTRADICTED: a name in backticks after "added"
 * may be a class, a flag or a file as well as a test.
 */
final class AddedNames {

  /**
   * The label of the quantity such a claim states, how many names it gives: one word, so that it is
   * never compared with another line's.
   */
  static final String LABEL = "added";

  private static final String NAME = "`([^`\\s(]+)(?:\\(\\))?`";

  private static final Pattern ONE_NAME = Pattern.compile(NAME);

  private static final Pattern ADDED =
      Pattern.compile(
          "(?i)\\b(?:added|adds|wrote|introduced)\\s+(?:(?:a|the|one)\\s+)?(?:new\\s+)?"
              + "(?:tests?\\s+)?"
              + NAME
              + "((?:\\s*(?:,|and|,\\s*and)\\s+"
              + NAME
              + ")*)");

  private AddedNames() {}

  /** The claim of a sentence that adds tests by name, or null. */
  static Claim read(int line, String s, boolean temporal) {
    Matcher m = ADDED.matcher(s);
    if (!m.find() || Plans.isPlanned(s, m.start(), m.end())) {
      return null; // "I will add `RoundsNegative` next": a plan
    }
    List<String> names = new ArrayList<>();
    names.add(m.group(1));
    for (Matcher more = ONE_NAME.matcher(m.group(2)); more.find(); ) {
      names.add(more.group(1));
    }
    Quantity q = new Quantity(Measure.OTHER, names.size(), Bound.EXACT, 0, LABEL);
    return new Claim(
        line,
        s.strip(),
        ClaimKind.NAMED,
        String.join(NewTests.AND, names),
        List.of(q),
        List.of(),
        null,
        null,
        temporal);
  }

  /** The claim checked against both runs, or null when it is not of this shape. */
  static EvidenceCheck.Result check(Claim c, Evidence evidence) {
    if (c.stated().size() != 1 || !LABEL.equals(c.stated().get(0).label())) {
      return null;
    }
    if (evidence.baseline() == null || evidence.runs().isEmpty()) {
      return unverifiable("no baseline run to tell a new test from an old one");
    }
    Set<TestId> old = new HashSet<>();
    evidence.baseline().tests().forEach(t -> old.add(t.id()));
    List<String> fresh = new ArrayList<>();
    for (String name : c.subject().split(Pattern.quote(NewTests.AND))) {
      List<TestId> now =
          evidence.latest().tests().stream()
              .map(TestEvidence::id)
              .filter(id -> named(id, name))
              .toList();
      if (now.isEmpty()) {
        return unverifiable(
            "no test of run %d is named '%s'".formatted(evidence.latest().run().id(), name));
      }
      if (now.stream().anyMatch(old::contains)) {
        return unverifiable(
            "'%s' is in baseline run %d too: maybe changed, not added"
                .formatted(name, evidence.baseline().run().id()));
      }
      fresh.add(now.get(0).toString());
    }
    return new EvidenceCheck.Result(
        Verdict.SUPPORTED,
        Map.of("new tests", fresh.size()),
        "%s in run %d, not in baseline run %d"
            .formatted(
                String.join(", ", fresh),
                evidence.latest().run().id(),
                evidence.baseline().run().id()),
        List.of(evidence.baseline().run().id(), evidence.latest().run().id()));
  }

  /** A test by its own name, or by its class and name ("LedgerTest.reversesPosting"). */
  private static boolean named(TestId id, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String own = id.name().toLowerCase(Locale.ROOT);
    String full = id.suite().toLowerCase(Locale.ROOT) + "." + own;
    return own.equals(n) || own.startsWith(n + "(") || full.equals(n) || full.endsWith("." + n);
  }

  private static EvidenceCheck.Result unverifiable(String why) {
    return new EvidenceCheck.Result(Verdict.UNVERIFIABLE, Map.of(), why, List.of());
  }
}
