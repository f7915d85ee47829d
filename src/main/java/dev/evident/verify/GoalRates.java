package dev.evident.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded rate followed by where the rate is now: "Pass rate ≥ 95% — currently 94.7%", "pass rate
 * at least 98%, now at 97.2%". The bound is a goal the sentence holds the result against, not a
 * claim that it is met; the current figure is the claim, a rate of the same measure.
 */
final class GoalRates {

  /** "— currently 94.7%", ", now at 97.2%", "(at present 88%)", right after the bound. */
  private static final Pattern CURRENTLY =
      Pattern.compile(
          "^\\s*[—–:;,(-]*\\s*(?:but\\s+|and\\s+|we(?:'re|\\s+are)\\s+)?(?:currently|now|at\\s+present"
              + "|today|right\\s+now|so\\s+far)\\s*(?:at\\s+|is\\s+|:\\s*)?(?<r>\\d+(?:\\.\\d+)?)\\s?%",
          Pattern.CASE_INSENSITIVE);

  private GoalRates() {}

  /** Replaces each bounded rate followed by a current figure in {@code found} with that figure. */
  static void current(String s, List<CountParser.Found> found) {
    for (int i = 0; i < found.size(); i++) {
      CountParser.Found f = found.get(i);
      if (f.quantities().size() != 1) {
        continue;
      }
      Quantity q = f.quantities().get(0);
      boolean goal = q.bound() == Bound.AT_LEAST || q.bound() == Bound.MORE_THAN;
      Matcher now = CURRENTLY.matcher(s.substring(f.end()));
      if (q.measure().isRate() && goal && now.find()) {
        String r = now.group("r");
        int decimals = r.contains(".") ? r.length() - r.indexOf('.') - 1 : 0;
        Quantity current =
            new Quantity(q.measure(), Double.parseDouble(r), Bound.EXACT, decimals, q.label());
        int start = f.end() + now.start("r");
        int end = f.end() + now.end();
        found.set(i, CountParser.found(s, start, end, List.of(current), f.subject()));
      }
    }
  }
}
