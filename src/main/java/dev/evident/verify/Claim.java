package dev.evident.verify;

import java.util.List;
import java.util.Objects;

/**
 * One checkable claim of a report.
 *
 * @param line the report line it is on (1-based)
 * @param text the sentence, list item or table row that makes it, Markdown markup removed
 * @param kind its kind
 * @param subject what it is about: a test, suite, file, tag or category as the report names it;
 *     empty for the whole run
 * @param stated the numbers it states (for a change: the numbers after it)
 * @param before for a change, the numbers before it; else empty
 * @param expectation for universal and named claims, what it says of every test; else null
 * @param factor for a change, the stated factor ("20x"; infinity for "∞%"), else null
 * @param temporal whether it speaks of another time ("previously", "before", "last week"), so that
 *     it is not compared with the report's other statements of the same quantity
 * @param implied whether the subject comes from the context (a heading) rather than the claim's own
 *     words: then a subject that resolves to nothing falls back to the whole run, and the claim is
 *     never CONTRADICTED when the heading names a narrower group of tests
 */
public record Claim(
    int line,
    String text,
    ClaimKind kind,
    String subject,
    List<Quantity> stated,
    List<Quantity> before,
    Expectation expectation,
    Double factor,
    boolean temporal,
    boolean implied) {

  /** A claim whose subject, if any, is in its own words. */
  public Claim(
      int line,
      String text,
      ClaimKind kind,
      String subject,
      List<Quantity> stated,
      List<Quantity> before,
      Expectation expectation,
      Double factor,
      boolean temporal) {
    this(line, text, kind, subject, stated, before, expectation, factor, temporal, false);
  }

  /** This claim with its subject implied by a heading (see {@code implied}). */
  Claim impliedBy(String heading) {
    return impliedBy(heading, kind);
  }

  /** This claim as written in {@code text} (the same sentence in the report's own words). */
  Claim withText(String text) {
    return new Claim(
        line, text, kind, subject, stated, before, expectation, factor, temporal, implied);
  }

  /** This claim as speaking of another time than the latest run (see {@code temporal}). */
  Claim ofAnotherTime() {
    return new Claim(line, text, kind, subject, stated, before, expectation, factor, true, implied);
  }

  /** This claim stating {@code stated} instead of its own quantities. */
  Claim withStated(List<Quantity> stated) {
    return new Claim(
        line, text, kind, subject, stated, before, expectation, factor, temporal, implied);
  }

  /** This claim of another kind with its subject implied by a heading. */
  Claim impliedBy(String heading, ClaimKind kind) {
    return new Claim(
        line, text, kind, heading, stated, before, expectation, factor, temporal, true);
  }

  public Claim {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    subject = subject == null ? "" : subject;
    stated = List.copyOf(stated);
    before = List.copyOf(before);
  }

  /** The first stated quantity of a measure, or null. */
  Quantity quantity(Measure measure) {
    for (Quantity q : stated) {
      if (q.measure() == measure) {
        return q;
      }
    }
    return null;
  }
}
