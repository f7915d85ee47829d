package dev.evident.verify;

import dev.evident.model.Counts;
import dev.evident.model.RunStatus;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The part of the evidence a claim's subject names: its counts, and for the whole run the run
 * statuses and errors outside tests.
 *
 * @param description what it is, for reasons ("file tests/api (12 tests) in run 4")
 * @param counts the counts of its tests (summed over the runs)
 * @param tests its tests, for claims about named tests
 * @param files the distinct source files of its tests
 * @param wholeRun whether it is whole runs, so that statuses and errors outside tests count
 * @param statuses the statuses of the runs (whole runs only; else empty)
 * @param runErrors errors outside tests (whole runs only; else 0)
 * @param runs the run ids it comes from
 */
public record Scope(
    String description,
    Counts counts,
    List<TestEvidence> tests,
    Set<String> files,
    boolean wholeRun,
    List<RunStatus> statuses,
    int runErrors,
    List<Long> runs) {

  public Scope {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(counts, "counts");
    tests = List.copyOf(tests);
    files = Set.copyOf(files);
    statuses = List.copyOf(statuses);
    runs = List.copyOf(runs);
  }

  /** The whole of these runs. */
  static Scope of(List<RunEvidence> runs) {
    Counts counts = Counts.ZERO;
    int errors = 0;
    java.util.List<TestEvidence> tests = new java.util.ArrayList<>();
    for (RunEvidence r : runs) {
      counts = counts.plus(r.run().counts());
      errors += r.run().runErrors();
      tests.addAll(r.tests());
    }
    List<Long> ids = runs.stream().map(r -> r.run().id()).toList();
    return new Scope(
        (ids.size() == 1 ? "run " : "runs ") + join(ids),
        counts,
        tests,
        files(tests),
        true,
        runs.stream().map(r -> r.run().status()).toList(),
        errors,
        ids);
  }

  /** Some tests of these runs. */
  static Scope of(String description, List<TestEvidence> tests, List<Long> runs) {
    Counts counts = Counts.ZERO;
    for (TestEvidence t : tests) {
      counts = counts.plus(t.outcome(), 1);
    }
    return new Scope(description, counts, tests, files(tests), false, List.of(), 0, runs);
  }

  private static Set<String> files(List<TestEvidence> tests) {
    Set<String> files = new java.util.TreeSet<>();
    for (TestEvidence t : tests) {
      if (!t.file().isEmpty()) {
        files.add(t.file());
      }
    }
    return files;
  }

  /** A count summary: "15 collected: 11 passed, 1 failed, 3 skipped". */
  String summary() {
    Counts c = counts;
    StringBuilder s = new StringBuilder();
    s.append(c.collected()).append(" collected, ").append(c.executed()).append(" executed: ");
    s.append(c.passed()).append(" passed");
    if (c.flaky() > 0) {
      s.append(", ").append(c.flaky()).append(" flaky");
    }
    s.append(", ").append(c.failed()).append(" failed");
    if (c.errored() > 0) {
      s.append(", ").append(c.errored()).append(" errored");
    }
    s.append(", ").append(c.skipped()).append(" skipped");
    if (runErrors > 0) {
      s.append("; ")
          .append(runErrors)
          .append(runErrors == 1 ? " error" : " errors")
          .append(" outside tests");
    }
    if (wholeRun) {
      List<String> odd =
          statuses.stream()
              .filter(st -> st != RunStatus.PASSED && st != RunStatus.FAILED)
              .map(Enum::name)
              .distinct()
              .toList();
      if (!odd.isEmpty()) {
        s.append("; status ").append(String.join(", ", odd));
      }
    }
    return s.toString();
  }

  static String join(List<Long> ids) {
    return String.join(", ", ids.stream().map(String::valueOf).toList());
  }
}
