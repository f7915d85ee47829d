package dev.evident.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the count, rate and named claims of a sentence from its counts: one claim per subject,
 * stating all its numbers ("31 passing, 1 failing, 1 skipped"), so that they are checked together.
 */
final class CountClaims {

  /** The subject key of a rate that follows a count of a named group. */
  private static final String RATE_OF = "\u0001";

  private CountClaims() {}

  static void add(
      TextBlock block,
      int from,
      String s,
      String text,
      String subject,
      List<CountParser.Found> counts,
      boolean temporal,
      List<Claim> out) {
    Map<String, List<CountParser.Found>> bySubject = new LinkedHashMap<>();
    CountParser.Found previous = null;
    for (CountParser.Found f : counts) {
      String key = f.subject().isEmpty() ? subject : f.subject();
      if (key.isEmpty() && previous != null && Sentences.rateOf(s, previous, f)) {
        key = RATE_OF + previous.subject(); // "17/20 export tests passing (85%)": export's rate
      }
      bySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      previous = f;
    }
    for (Map.Entry<String, List<CountParser.Found>> e : bySubject.entrySet()) {
      List<Quantity> stated = new ArrayList<>();
      e.getValue().forEach(f -> stated.addAll(f.quantities()));
      boolean inherited = e.getKey().startsWith(RATE_OF);
      boolean named = !e.getKey().isEmpty() && !inherited;
      ClaimKind kind = kind(named, stated);
      String who = inherited ? e.getKey().substring(RATE_OF.length()) : e.getKey();
      int line = block.lineAt(from + e.getValue().get(0).start());
      out.add(claim(line, text, kind, who, stated, temporal));
    }
  }

  /**
   * The fraction after "all tests pass" ("All tests passing! (37/37)"): passing of all, a count of
   * its own beside the universal claim; empty when there is none.
   */
  static List<CountParser.Found> fractionAfterAll(
      String s, List<StatementParser.Found> statements) {
    for (StatementParser.Found st : statements) {
      if (st.expectation() == Expectation.PASS && !st.named() && st.count() == null) {
        CountParser.Found bare = CountPhrases.bareFraction(s);
        if (bare != null
            && !bare.planned()
            && bare.start() >= st.end()
            && s.substring(st.end(), bare.start()).matches("[\\s!.,:;(—–-]*")) {
          return List.of(bare);
        }
      }
    }
    return List.of();
  }

  private static ClaimKind kind(boolean named, List<Quantity> stated) {
    if (named) {
      return ClaimKind.NAMED;
    }
    return stated.stream().anyMatch(q -> q.measure().isRate()) ? ClaimKind.RATE : ClaimKind.COUNT;
  }

  private static Claim claim(
      int line, String text, ClaimKind kind, String who, List<Quantity> stated, boolean temporal) {
    return new Claim(line, text, kind, who, stated, List.of(), null, null, temporal);
  }
}
