package dev.evident.verify;

import java.util.List;
import java.util.Optional;

/**
 * Resolves claim subjects to scopes of the evidence with the resolvers in order, each subject and
 * set of runs once (a report names the same subjects again and again). The whole run when the
 * subject is empty; a reason when nothing is named so. Not thread safe: one per verification.
 */
final class SubjectScopes {

  private final List<SubjectResolver> resolvers;

  SubjectScopes(List<SubjectResolver> resolvers) {
    this.resolvers = List.copyOf(resolvers);
  }

  record Resolved(Scope scope, String reason) {}

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
    for (SubjectResolver r : resolvers) {
      Optional<Scope> s = r.resolve(subject, runs);
      if (s.isPresent()) {
        return new Resolved(s.get(), null);
      }
    }
    List<Long> ids = runs.stream().map(r -> r.run().id()).toList();
    return new Resolved(
        null,
        "nothing in run%s %s is named %s (no test, tag, file or suite), and there is no category %s in evident.yaml"
            .formatted(
                ids.size() == 1 ? "" : "s", Scope.join(ids), quote(subject), quote(subject)));
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
