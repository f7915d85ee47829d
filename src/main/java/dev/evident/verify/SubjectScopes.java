package dev.evident.verify;

import java.util.List;
import java.util.Optional;

/**
 * Resolves claim subjects to scopes of the evidence with the resolvers in order, each subject and
 * set of runs once (a report names the same subjects again and again). The whole run when the
 * subject is empty, or implied by a heading and named nowhere; a reason when nothing is named so.
 * Not thread safe: one per verification.
 */
final class SubjectScopes {

  private final List<SubjectResolver> resolvers;

  SubjectScopes(List<SubjectResolver> resolvers) {
    this.resolvers = List.copyOf(resolvers);
  }

  /**
   * A subject's scope, or why there is none; {@code guard} says why the scope may not be what the
   * claim is about (a narrower group of tests named besides a whole-run scope, or a place guessed
   * from the sentence's words): then the claim is never CONTRADICTED. Else null.
   */
  record Resolved(Scope scope, String reason, String guard, String instead) {
    Resolved(Scope scope, String reason, String guard) {
      this(scope, reason, guard, null);
    }

    Resolved(Scope scope, String reason) {
      this(scope, reason, null, null);
    }
  }

  /**
   * The scope of a claim: its subject's; for a subject implied by a heading that resolves to
   * nothing, the whole run. A claim checked against the whole run is guarded when its heading or
   * its own words name a narrower group of tests: one that resolves to fewer tests than the run, or
   * to nothing while the run's names share its words.
   */
  Resolved resolve(Claim c, List<RunEvidence> runs) {
    Scope shipped = Readiness.ofTheWhole(c) ? resolve(c.subject(), runs).scope() : null;
    if (Readiness.ofTheWhole(c)
        && (shipped == null ? !Mentions.in(c.subject(), runs) : RunNames.names(c.subject()))) {
      return resolve("", runs); // "The release is production ready": what ships is the whole run
    }
    if (namedAfter(c)) {
      Resolved own = resolve(c.subject(), runs);
      if (own.scope() != null) {
        // "54 of the 56 pass; the only failure is in `WebhookTest`": the 56 are not its
        return new Resolved(
            own.scope(),
            null,
            "'%s' is named after the numbers, in another clause, so they may not be its; %s"
                .formatted(c.subject(), own.scope().description()),
            "");
      }
    }
    String naming = c.subject().isEmpty() ? Narrower.naming(c.text()) : null;
    if (naming != null) {
      return resolve(naming, runs); // "filters 11/11": the name counted, or unverifiable
    }
    if (c.subject().isEmpty() || resolve(c.subject(), runs).scope() == null) {
      // "MJML templates: 2 tests red in `email.test.ts`": a label that names nothing, a place.
      Placed.Place placed = Placed.in(c.text());
      Resolved p = placed == null ? null : resolve(placed.name(), runs);
      if (p != null && p.scope() != null && !p.scope().wholeRun()) {
        // "Added 2 tests to `CartSummary`": the count is of CartSummary, or of the tests added.
        // "2 tests red in `x`": a plain count of tests may have lost its outcome word.
        boolean plain = c.stated().stream().anyMatch(q -> q.measure() == Measure.TESTS);
        return placed.certain() && !plain
            ? p
            : new Resolved(
                p.scope(),
                null,
                "checked against '%s', where the sentence puts its tests, but its numbers may count only some of them (tests added, fixed or failing there)"
                    .formatted(placed.name()));
      }
    }
    String leading = c.subject().isEmpty() ? Narrower.leading(c.text()) : null;
    Resolved lead = leading == null ? null : resolve(leading, runs);
    if (lead != null && lead.scope() != null && !lead.scope().wholeRun()) {
      // "Pricing tests went from 9/14 to 14/14": the numbers are of pricing, most likely.
      return new Resolved(
          lead.scope(),
          null,
          "checked against '%s', the one group the sentence names before its numbers, but its numbers may not all be of it"
              .formatted(leading));
    }
    String parts = c.subject().isEmpty() ? partsIn(c.text()) : null;
    Scope across = parts == null ? null : together(parts, runs);
    if (across != null) {
      return new Resolved(across, null); // "Across Cart and Search we now run 33 tests"
    }
    // "## PR #2291: 4 packages": a heading that names the run implies no part of it
    Resolved r =
        c.implied() && RunNames.names(c.subject())
            ? new Resolved(null, null)
            : resolve(c.subject(), runs);
    Scope together =
        r.scope() == null && c.expectation() == null ? together(c.subject(), runs) : null;
    if (together != null) {
      return new Resolved(
          together, null); // counts of "Cart and coupons (`CartTest`, `CouponTest`)"
    }
    Resolved unnamed = Mentions.wholeRunFor(c, r, resolve("", runs), runs);
    if (unnamed != null) {
      return unnamed; // "Release gate: the 2 failures block the tag": a label, not a part
    }
    Scope placed = r.scope() == null && c.implied() ? inParts(c.text(), runs) : null;
    if (placed != null) {
      return new Resolved(placed, null); // "## Release gate", "No failures in Sync or App."
    }
    String guard = null;
    if (r.scope() == null && c.implied()) {
      r = resolve("", runs);
      guard = Mentions.in(c.subject(), runs) ? c.subject() : null;
    }
    if (r.scope() == null) {
      Scope held = c.subject().isEmpty() ? null : HeldNames.holding(c.subject(), runs);
      String kept = held != null ? null : NamingWords.kept(c.subject(), w -> part(w, runs) != null);
      held = kept == null ? held : part(kept, runs); // "Token refresh race fix": TokenRefreshTests
      return held == null
          ? r
          : new Resolved(
              held,
              null,
              kept == null
                  ? guessed(c.subject(), held)
                  : NamingWords.reason(c.subject(), kept, held));
    }
    if (!r.scope().wholeRun()) {
      return r;
    }
    List<String> names = new java.util.ArrayList<>(Narrower.in(c.text()));
    for (java.util.regex.Matcher h = HYPHENATED.matcher(c.text()); h.find(); ) {
      // "On json-format the count went from 51 to 55": a part, when the run has one so named
      Scope named = names.contains(h.group()) ? null : resolve(h.group(), runs).scope();
      if (named != null && !named.wholeRun()) {
        names.add(h.group());
      }
    }
    String instead = null;
    Scope part = null;
    for (String name : names) {
      if (guard != null) {
        break;
      }
      if (name.equalsIgnoreCase(c.subject())) {
        continue;
      }
      Scope named = resolve(name, runs).scope();
      if (named == null || named.counts().collected() < r.scope().counts().collected()) {
        guard = name;
        part = named;
        // the first group named that is a part of the run is the one to try instead
        instead = named != null || HeldNames.holding(name, runs) != null ? name : null;
      }
    }
    HeldNames.Part before =
        guard == null && c.subject().isEmpty() ? HeldNames.before(c.text(), runs) : null;
    if (before != null) {
      // "Routing was at 12/14 passing": of OrderRoutingTests, most likely, not of the run
      return new Resolved(before.scope(), null, guessed(before.word(), before.scope()));
    }
    return guard == null
        ? r
        : new Resolved(
            r.scope(),
            r.reason(),
            "checked against the whole run, but the claim may be about '%s' only, %s; the whole run"
                .formatted(
                    guard,
                    part == null
                        ? "which resolves to no narrower part of it"
                        : "which is " + part.description()),
            instead);
  }

  /** The part of the run a name resolves to, or whose names hold it; null for none or all. */
  private Scope part(String name, List<RunEvidence> runs) {
    Scope s = resolve(name, runs).scope();
    if (s != null) {
      return s.wholeRun() ? null : s;
    }
    return HeldNames.holding(name, runs);
  }

  private static String guessed(String name, Scope held) {
    return "'%s' names no test, file, suite or category exactly; checked against %s"
        .formatted(name, held.description());
  }

  /** Whether a claim names its subject only in a clause after the one with its numbers. */
  private static boolean namedAfter(Claim c) {
    if (c.subject().isEmpty() || c.implied() || c.kind() == ClaimKind.TABLE) {
      return false;
    }
    String text = c.text().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher digit = DIGIT.matcher(text);
    if (!digit.find()) {
      return false;
    }
    java.util.regex.Matcher clause = CLAUSE.matcher(text);
    int named = text.indexOf(c.subject().toLowerCase(java.util.Locale.ROOT));
    return clause.find(digit.start()) && named > clause.start();
  }

  private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("\\d");
  private static final java.util.regex.Pattern HYPHENATED =
      java.util.regex.Pattern.compile("(?<![\\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\\w-])");
  private static final java.util.regex.Pattern CLAUSE =
      java.util.regex.Pattern.compile(";|\\.\\s|,\\s+(?:and|but|while)\\s");

  /** Resolutions by subject and runs: a report names the same subjects again and again. */
  private final java.util.Map<java.util.List<Object>, Resolved> resolved =
      new java.util.HashMap<>();

  Resolved resolve(String subject, List<RunEvidence> runs) {
    List<Object> key = List.of(subject, runs.stream().map(r -> r.run().id()).toList());
    Resolved r = resolved.get(key);
    if (r == null) {
      r = resolveOnce(subject, runs);
      resolved.put(key, r);
    }
    return r;
  }

  private Resolved resolveOnce(String subject, List<RunEvidence> runs) {
    if (subject.isEmpty()) {
      return new Resolved(Scope.of(runs), null);
    }
    for (String name : Descriptors.readings(subject)) {
      for (SubjectResolver r : resolvers) {
        Optional<Scope> s = r.resolve(name, runs);
        if (s.isPresent()) {
          return new Resolved(s.get(), null);
        }
      }
    }
    if (RunNames.names(subject)) {
      // "Full run on `a81d0b4`:", "cargo nextest run:": named nothing, so the run itself
      return new Resolved(
          Scope.of(runs),
          null,
          RunNames.uncertain(subject, runs)
              ? "'%s' names a run, but maybe not this one; the run checked"
                  .formatted(subject.replace("`", ""))
              : null);
    }
    List<Long> ids = runs.stream().map(r -> r.run().id()).toList();
    return new Resolved(
        null,
        "nothing in run%s %s is named %s (no test, tag, file or suite), and there is no category %s in evident.yaml"
            .formatted(
                ids.size() == 1 ? "" : "s", Scope.join(ids), quote(subject), quote(subject)));
  }

  /** "in Sync or App", "across api and web": the parts a sentence puts its claim in. */
  private static final java.util.regex.Pattern IN_PARTS =
      java.util.regex.Pattern.compile(
          "\\b(?:[Ii]n|[Aa]cross|[Ff]or)\\s+(?:the\\s+)?([\\w./-]+(?:\\s*(?:,|\\bor\\b|\\band\\b|&)\\s*"
              + "(?:the\\s+)?[\\w./-]+)*)");

  /** The names a sentence puts its claim in ("in Sync or App": "Sync and App"), or null. */
  private static String partsIn(String text) {
    java.util.regex.Matcher m = IN_PARTS.matcher(text);
    return m.find()
        ? m.group(1).replaceAll("\\s+or\\s+", " and ").replaceAll("\\bthe\\s+", "")
        : null;
  }

  /** The one part, or the parts together, a sentence puts its claim in; null when none resolve. */
  private Scope inParts(String text, List<RunEvidence> runs) {
    String parts = partsIn(text);
    if (parts == null) {
      return null;
    }
    Scope together = together(parts, runs);
    Scope one = together != null ? together : resolve(parts, runs).scope();
    return one == null || one.wholeRun() ? null : one;
  }

  /**
   * "CartTest, CouponTest", "Cart and coupons": a list of names, each of which resolves, is their
   * tests together; else null.
   */
  private Scope together(String subject, List<RunEvidence> runs) {
    String[] names = subject.split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");
    if (names.length < 2) {
      return null;
    }
    java.util.Set<TestEvidence> tests = new java.util.LinkedHashSet<>();
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    List<String> described = new java.util.ArrayList<>();
    for (String name : names) {
      Scope one = name.isBlank() ? null : resolve(name, runs).scope();
      if (one == null || one.wholeRun()) {
        return null;
      }
      tests.addAll(one.tests());
      ids.addAll(one.runs());
      described.add(one.description());
    }
    return Scope.of(String.join(" and ", described), List.copyOf(tests), List.copyOf(ids));
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
