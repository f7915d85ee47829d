package dev.evident.report;

import dev.evident.model.Run;
import dev.evident.model.RunError;
import dev.evident.model.RunQuarantine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The headline sentence of a status report: {@link StatusLine}'s, and for a run whose tests could
 * not run, what kept them from running, counted by kind ("BROKEN: 0 of 56 collected tests executed;
 * 18 collection errors (files that failed to import or load)").
 */
public final class StatusText {

  private StatusText() {}

  public static String statement(Run run, RunQuarantine quarantine, List<RunError> errors) {
    return switch (run.status()) {
      case BROKEN ->
          (run.counts().collected() == 0
                  ? "BROKEN: no test was collected or executed; "
                  : "BROKEN: 0 of "
                      + Numbers.count(run.counts().collected())
                      + " collected tests executed; ")
              + (errors.isEmpty()
                  ? Numbers.count(run.runErrors(), "error", "errors") + " outside tests"
                  : byKind(errors));
      case BLOCKED -> {
        List<String> names = new ArrayList<>();
        for (RunError e : errors) {
          if (e.kind() == RunError.Kind.PREFLIGHT) {
            names.add(e.scope());
          }
        }
        yield names.isEmpty()
            ? StatusLine.of(run, quarantine)
            : "BLOCKED: nothing was run; "
                + Numbers.count(names.size(), "requirement", "requirements")
                + " missing: "
                + String.join(", ", names);
      }
      default -> StatusLine.of(run, quarantine);
    };
  }

  private static String byKind(List<RunError> errors) {
    Map<RunError.Kind, Integer> counts = new EnumMap<>(RunError.Kind.class);
    errors.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (kind, n) ->
            parts.add(
                switch (kind) {
                  case COLLECTION ->
                      Numbers.count(n, "collection error", "collection errors")
                          + (n == 1 ? " (a file" : " (files")
                          + " that failed to import or load)";
                  case BUILD -> Numbers.count(n, "build error", "build errors");
                  case SETUP -> Numbers.count(n, "suite setup", "suite setups") + " failed";
                  case CRASH -> "the runner crashed" + (n == 1 ? "" : " (" + n + " times)");
                  case BAIL_OUT -> "the runner bailed out";
                  case PREFLIGHT -> Numbers.count(n, "requirement", "requirements") + " missing";
                  case COMMAND -> "the command did not run to its end";
                }));
    return String.join(", ", parts);
  }
}
