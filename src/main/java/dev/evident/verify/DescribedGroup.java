package dev.evident.verify;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "API: the order workflow tests are all green (4/4)": after its label, a sentence names a group of
 * its own by a description. The label's tests do not contradict it: it is read as about the one
 * suite whose name holds a word of the description ("OrdersTests"), and is UNVERIFIABLE when no
 * single suite does.
 */
final class DescribedGroup {

  private static final Pattern DESCRIBED =
      Pattern.compile(
          "^[^:]{1,40}:\\s+the\\s+(?<desc>(?:[a-z][\\w-]*\\s+){1,3})(?:tests|specs|cases)\\s+"
              + "(?:are|were|all)\\b");

  private DescribedGroup() {}

  /** The result of a contradicted claim read as about the group its sentence describes. */
  static EvidenceCheck.Result reread(
      Claim c, EvidenceCheck.Result r, Evidence evidence, EvidenceCheck check) {
    if (r.verdict() != Verdict.CONTRADICTED || evidence.runs().isEmpty()) {
      return r;
    }
    Matcher m = DESCRIBED.matcher(c.text().strip());
    if (!m.find()) {
      return r;
    }
    String desc = m.group("desc").strip();
    Set<String> suites = new TreeSet<>();
    for (RunEvidence run : evidence.runs()) {
      for (TestEvidence t : run.tests()) {
        String suite = t.id().suite();
        String simple = suite.substring(suite.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (String w : desc.toLowerCase(Locale.ROOT).split("\\s+")) {
          if (w.length() >= 4 && simple.contains(w.substring(0, Math.min(w.length(), 5)))) {
            suites.add(suite);
          }
        }
      }
    }
    if (suites.size() == 1) {
      String suite = suites.iterator().next();
      EvidenceCheck.Result of = check.check(Results.about(c, suite));
      if (of.verdict() != Verdict.UNVERIFIABLE) {
        return new EvidenceCheck.Result(
            of.verdict(),
            of.actual(),
            "read as about '%s', the suite the sentence describes as 'the %s tests': %s"
                .formatted(suite, desc, of.reason()),
            of.runs());
      }
    }
    return new EvidenceCheck.Result(
        Verdict.UNVERIFIABLE,
        r.actual(),
        "the sentence names a group of its own ('the %s tests') that resolves to no single suite: %s"
            .formatted(desc, r.reason()),
        r.runs());
  }
}
