package dev.evident.analyze;

import dev.evident.model.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Histories written as strings, one character per run, oldest first, for flakiness tables.
 *
 * <p>Outcomes of a test: {@code P} passed, {@code F} failed, {@code E} errored, {@code K} flaky
 * (failed, then passed on a rerun), {@code S} skipped, {@code -} absent. Commits: one letter per
 * run naming its commit ({@code a} is commit {@code aaaaaaa}), {@code .} for none. Runs: {@code O}
 * for an outage (90 of 100 tests failed, 80 for one cause), {@code M} for a run where most tests
 * failed for many causes, {@code .} for an ordinary run. Run ids start at 101.
 */
final class Histories {

  static final long FIRST_ID = 101;

  private Histories() {}

  /** The runs of a window: commits and kinds as strings of the same length (or blank). */
  static List<HistoryRun> runs(int count, String commits, String kinds) {
    List<HistoryRun> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      char c = commits.isEmpty() ? '.' : commits.charAt(i);
      char k = kinds.isEmpty() ? '.' : kinds.charAt(i);
      String commit = c == '.' ? null : String.valueOf(c).repeat(7);
      Instant at = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * i);
      HistoryRun run =
          switch (k) {
            case 'O' -> new HistoryRun(FIRST_ID + i, at, commit, 100, 90, 80, "Connection refused");
            case 'M' -> new HistoryRun(FIRST_ID + i, at, commit, 100, 90, 10, "AssertionError");
            default -> new HistoryRun(FIRST_ID + i, at, commit, 100, 1, 0, "");
          };
      runs.add(run);
    }
    return runs;
  }

  /** One test per string, ref = its index + 1. */
  static OutcomeHistory outcomes(String... tests) {
    OutcomeHistory history = new OutcomeHistory(tests[0].length());
    for (int t = 0; t < tests.length; t++) {
      for (int r = 0; r < tests[t].length(); r++) {
        Outcome o = outcome(tests[t].charAt(r));
        if (o != null) {
          history.add(r, t + 1, o);
        }
      }
    }
    return history;
  }

  private static Outcome outcome(char c) {
    return switch (c) {
      case 'P' -> Outcome.PASSED;
      case 'F' -> Outcome.FAILED;
      case 'E' -> Outcome.ERRORED;
      case 'K' -> Outcome.FLAKY;
      case 'S' -> Outcome.SKIPPED;
      case '-' -> null;
      default -> throw new IllegalArgumentException("not an outcome: " + c);
    };
  }
}
