package dev.evident.verify;

import dev.evident.model.Counts;
import dev.evident.model.RunError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A part of the run that an error outside tests names, when none of its tests ran:
 * "internal/httpapi" names the Go package that failed to build ({@code build
 * github.com/acme/ledgerd/internal/httpapi}), "tests/test_cart.py" the file pytest could not
 * collect. Its scope holds no tests and that error, so "internal/httpapi: 4 tests, 3 passed" is
 * contradicted (nothing there ran) and "all green" there is not borne out.
 */
final class ErrorScopes implements SubjectResolver {

  static final ErrorScopes INSTANCE = new ErrorScopes();

  private ErrorScopes() {}

  @Override
  public Optional<Scope> resolve(String subject, List<RunEvidence> runs) {
    String s = subject.replace('\\', '/').replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    List<String> named = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (RunEvidence r : runs) {
      for (RunError e : r.runErrors()) {
        String scope = e.scope().replace('\\', '/').toLowerCase(Locale.ROOT);
        if (!scope.isEmpty()
            && (scope.equals(s) || scope.endsWith("/" + s) || scope.endsWith("." + s))) {
          named.add(e.kind().name().toLowerCase(Locale.ROOT) + " error in " + e.scope());
          if (!ids.contains(r.run().id())) {
            ids.add(r.run().id());
          }
        }
      }
    }
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String description =
        "%s, no test of it ran, in run%s %s"
            .formatted(named.get(0), ids.size() == 1 ? "" : "s", Scope.join(ids));
    return Optional.of(
        new Scope(
            description,
            Counts.ZERO,
            List.of(),
            java.util.Set.of(),
            false,
            List.of(),
            named.size(),
            ids));
  }

  @Override
  public String lookedFor() {
    return "error outside tests";
  }
}
