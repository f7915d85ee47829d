package dev.evident.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fraction of the tests that ran, not of the ones that passed: "so it was scored on 48 of 50",
 * "ran 48/50". Read as passed of all, a claim would be contradicted by the failures among the 48.
 */
final class ExecutedFractions {

  private ExecutedFractions() {}

  /** "It was scored on 48 of 50", "ran 48/50": a fraction of the tests that executed. */
  private static final Pattern RAN_FRACTION =
      Pattern.compile(
          "\\b(?:scored|evaluated|graded|run|ran|executed)\\s+(?:on\\s+|only\\s+)*(\\d+)\\s*(?:of|/|out\\s+of)"
              + "\\s*(\\d+)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "9 of 10 executed tests", "of the 10 tests that ran": a total of the executed tests only. */
  static boolean executedTotal(String text, Quantity total) {
    String n = Compare.format(total.value());
    return Pattern.compile(
            "(?<![\\w.,/])"
                + Pattern.quote(n)
                + "\\s+(?:executed|run)\\s+(?:tests|specs|cases)\\b|\\b(?:of|/)\\s*(?:the\\s+)?"
                + Pattern.quote(n)
                + "\\s+(?:tests|specs|cases)\\s+(?:that\\s+)?(?:were\\s+)?(?:executed|ran|run)\\b",
            Pattern.CASE_INSENSITIVE)
        .matcher(text)
        .find();
  }

  /**
   * A fraction read as passed of all that the sentence says is of the executed ones, checked so.
   */
  static EvidenceCheck.Result reread(Claim c, EvidenceCheck check) {
    Matcher m = RAN_FRACTION.matcher(c.text());
    Quantity passing = c.quantity(Measure.PASSING);
    if (check == null
        || !m.find()
        || passing == null
        || passing.value() != Double.parseDouble(m.group(1))) {
      return null;
    }
    List<Quantity> stated = new ArrayList<>();
    for (Quantity q : c.stated()) {
      if (q == passing) {
        stated.add(Quantity.exact(Measure.EXECUTED, q.value()));
      } else if (CountParser.OF.equals(q.label()) && q.value() == Double.parseDouble(m.group(2))) {
        stated.add(Quantity.exact(Measure.COLLECTED, q.value()));
      } else {
        stated.add(q);
      }
    }
    Claim executed = c.withStated(stated);
    EvidenceCheck.Result r = check.check(executed);
    return new EvidenceCheck.Result(
        r.verdict(),
        r.actual(),
        "read as %s executed of %s: %s".formatted(m.group(1), m.group(2), r.reason()),
        r.runs());
  }
}
