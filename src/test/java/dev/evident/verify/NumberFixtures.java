package dev.evident.verify;

import java.util.List;
import java.util.stream.Collectors;

/** Reading a report's claims with no runs, for the tests of numbers and changes. */
final class NumberFixtures {

  private NumberFixtures() {}

  static List<Claim> claims(String markdown) {
    return ClaimExtractor.extract(markdown, false).claims();
  }

  static String lines(String markdown) {
    return claims(markdown).stream()
        .map(c -> c.line() + ":" + c.kind().id())
        .collect(Collectors.joining(" "));
  }

  /** Verified with no runs: only the report's own arithmetic can decide. */
  static Verification verify(String markdown) {
    return new Verifier(SubjectResolver.NO_CATEGORIES)
        .verify("r.md", markdown, Evidence.NONE, false);
  }

  static String changes(String markdown) {
    return claims(markdown).stream()
        .map(
            c ->
                c.subject()
                    + " "
                    + c.before().stream().map(q -> q.key() + "=" + q.display()).toList()
                    + " -> "
                    + c.stated().stream().map(q -> q.key() + "=" + q.display()).toList())
        .collect(Collectors.joining("; "));
  }

  static String stated(String markdown) {
    return claims(markdown).stream()
        .map(c -> c.stated().stream().map(q -> q.key() + "=" + q.display()).toList().toString())
        .collect(Collectors.joining("; "));
  }
}
