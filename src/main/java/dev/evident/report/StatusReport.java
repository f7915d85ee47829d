package dev.evident.report;

import dev.evident.model.Counts;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status report of one run: a plain tree of records, computed by the report service from the
 * stored results and rendered by {@link ReportMarkdown}, {@link ReportJson} (and other renderers)
 * without further computation. Every section names the run ids its numbers come from. Lists hold
 * every item (renderers truncate); counts are exact.
 *
 * @param generated when the report was made
 * @param run the run reported on
 * @param headline status in words and numbers
 * @param change what changed since the baseline run
 * @param rootCauses failures grouped by cause, by impact
 * @param notExecuted what kept tests from running: blocked requirements, errors, skips
 * @param flaky flaky, quarantined and suspicious tests
 * @param progress per category toward its target, or null when evident.yaml declares none
 * @param slowest the slowest tests and the time per suite
 * @param nextSteps what to do, by tests unblocked
 */
public record StatusReport(
    Instant generated,
    RunRef run,
    Headline headline,
    Change change,
    RootCauses rootCauses,
    NotExecuted notExecuted,
    FlakyAndSuspicious flaky,
    ProgressSection progress,
    Slowest slowest,
    List<NextStep> nextSteps) {

  public StatusReport {
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(rootCauses, "rootCauses");
    Objects.requireNonNull(notExecuted, "notExecuted");
    Objects.requireNonNull(flaky, "flaky");
    Objects.requireNonNull(slowest, "slowest");
    nextSteps = List.copyOf(nextSteps);
  }

  /**
   * A run as reports name it.
   *
   * @param commit the git commit, or empty; {@code branch} likewise
   * @param started when its tests started (else when it was stored)
   * @param durationMillis how long its tests ran, or -1 when unknown
   * @param ciUrl the CI job's address, or empty
   */
  public record RunRef(
      long id,
      String project,
      RunStatus status,
      String commit,
      String branch,
      Instant started,
      long durationMillis,
      String ciUrl) {}

  /**
   * The first thing a reader sees.
   *
   * @param statement the status in words with numbers and denominators ("BROKEN: 0 of 56 ...")
   * @param counts the run's counts
   * @param environment the environment problem when one system-level cause dominates, else empty
   * @param runErrors errors outside tests
   * @param problems problems found while reading the input
   * @param runs the runs the numbers come from
   */
  public record Headline(
      String statement,
      Counts counts,
      String environment,
      long runErrors,
      long problems,
      List<Long> runs) {
    public Headline {
      runs = List.copyOf(runs);
    }

    /** Whether an environment problem dominates and comes before everything else. */
    public boolean environmentFirst() {
      return !environment.isEmpty();
    }
  }

  /**
   * What changed since the baseline.
   *
   * @param base the baseline run, or null when there is none
   * @param baseline how the baseline was chosen ("the previous run on branch main"), or why there
   *     is none
   * @param baseCounts the baseline's counts (zero without one)
   * @param buckets every bucket of the comparison, empty ones included, in a fixed order
   * @param runs the runs compared (base, head)
   */
  public record Change(
      RunRef base,
      String baseline,
      Counts baseCounts,
      Counts headCounts,
      List<BucketTests> buckets,
      List<Long> runs) {
    public Change {
      buckets = List.copyOf(buckets);
      runs = List.copyOf(runs);
    }

    /** The bucket with this key ("newFailures"), or an empty one. */
    public BucketTests bucket(String key) {
      return buckets.stream()
          .filter(b -> b.key().equals(key))
          .findFirst()
          .orElse(new BucketTests(key, key, List.of()));
    }
  }

  /** The tests of one comparison bucket, with the bucket's JSON key and text title. */
  public record BucketTests(String key, String title, List<TestLine> tests) {
    public BucketTests {
      tests = List.copyOf(tests);
    }
  }

  /**
   * One test as a list shows it.
   *
   * @param test the test as {@code evident show} prints it ({@code Suite > name[params]})
   * @param before its outcome in the baseline, or null; {@code after} likewise in the run
   * @param beforeMicros its duration in the baseline, -1 when unknown; {@code afterMicros} likewise
   * @param source where it is defined, or null
   * @param message the first line of its failure, or empty
   */
  public record TestLine(
      String test,
      Outcome before,
      Outcome after,
      long beforeMicros,
      long afterMicros,
      Location source,
      String message) {}

  /**
   * The failures of the run grouped by cause.
   *
   * @param failures the failed, errored and flaky tests diagnosed
   * @param causes the groups, biggest first
   */
  public record RootCauses(int failures, List<Cause> causes, List<Long> runs) {
    public RootCauses {
      causes = List.copyOf(causes);
      runs = List.copyOf(runs);
    }
  }

  /**
   * One cause and the tests that fail of it.
   *
   * @param id the group id ({@code evident label} takes a prefix)
   * @param category the root-cause category id; {@code system} whether it is a system-level cause
   * @param count how many tests fail this way
   * @param tests the first tests of the group (at most 20)
   * @param seenFirst the earliest run it failed in before, 0 when not seen; {@code seenRuns} how
   *     many runs it failed in
   * @param label a person's verdict that applies, or empty
   */
  public record Cause(
      String id,
      String category,
      boolean system,
      double confidence,
      int count,
      String message,
      String evidence,
      Map<String, String> entities,
      String remediation,
      List<String> tests,
      long seenFirst,
      long seenLast,
      int seenRuns,
      String label) {
    public Cause {
      entities = Map.copyOf(entities);
      tests = List.copyOf(tests);
    }
  }

  /**
   * What did not execute and why.
   *
   * @param errors errors outside tests (preflight requirements first), with their cause
   * @param skipReasons why tests were skipped, the most common reason first
   * @param problems problems found while reading the input
   */
  public record NotExecuted(
      Counts counts,
      List<ErrorLine> errors,
      List<SkipReason> skipReasons,
      List<String> problems,
      List<Long> runs) {
    public NotExecuted {
      errors = List.copyOf(errors);
      skipReasons = List.copyOf(skipReasons);
      problems = List.copyOf(problems);
      runs = List.copyOf(runs);
    }

    /** The preflight requirements that were missing. */
    public List<ErrorLine> blocked() {
      return errors.stream().filter(e -> e.kind().equals("PREFLIGHT")).toList();
    }
  }

  /**
   * An error outside tests.
   *
   * @param kind the RunError kind ({@code COLLECTION}, {@code PREFLIGHT}, ...)
   * @param scope the module, file or requirement it concerns; empty for the whole run
   * @param where where it was reported, or null
   */
  public record ErrorLine(
      String kind,
      String scope,
      String message,
      String category,
      String remediation,
      Location where) {}

  /** Tests skipped for one reason ({@code reason} empty when the runner gave none). */
  public record SkipReason(String reason, long count, String example) {}

  /**
   * Flaky, quarantined and suspicious tests.
   *
   * @param flakyInRun the tests that failed, then passed on a rerun in this run
   * @param window the runs flakiness is scored over, oldest first
   * @param scored how many tests those runs have
   * @param flakyTests the tests scored flaky over the window, highest score first
   * @param quarantinedFailures of the run's failed and errored tests, how many are quarantined
   * @param quarantined the quarantined tests among the run's failures, with the reason
   * @param suspects what looks tested but may not be
   * @param suspectRuns the runs the suspicious flags come from, newest first
   */
  public record FlakyAndSuspicious(
      List<String> flakyInRun,
      List<Long> window,
      int scored,
      List<FlakyTest> flakyTests,
      long quarantinedFailures,
      Map<String, String> quarantined,
      List<Suspect> suspects,
      List<Long> suspectRuns) {
    public FlakyAndSuspicious {
      flakyInRun = List.copyOf(flakyInRun);
      window = List.copyOf(window);
      flakyTests = List.copyOf(flakyTests);
      quarantined = Map.copyOf(quarantined);
      suspects = List.copyOf(suspects);
      suspectRuns = List.copyOf(suspectRuns);
    }
  }

  /** A test scored flaky, with the reasons and numbers behind the verdict. */
  public record FlakyTest(
      String test, double score, int runs, List<String> reasons, String quarantine) {
    public FlakyTest {
      reasons = List.copyOf(reasons);
      quarantine = quarantine == null ? "" : quarantine;
    }
  }

  /** A suspicious flag: kind id, what it concerns, why with numbers. */
  public record Suspect(String kind, String subject, String reason) {}

  /**
   * Progress toward the targets of the categories a configuration file declares.
   *
   * @param config the file the categories come from
   * @param runs the runs of the history, oldest first
   */
  public record ProgressSection(String config, List<CategoryLine> categories, List<Long> runs) {
    public ProgressSection {
      categories = List.copyOf(categories);
      runs = List.copyOf(runs);
    }

    public long withTarget() {
      return categories.stream().filter(c -> !c.checks().isEmpty()).count();
    }

    public long met() {
      return categories.stream().filter(CategoryLine::met).count();
    }
  }

  /**
   * One category.
   *
   * @param first its counts in the oldest run of the history, or null when it is the only one
   * @param checks one per part of the target (kind, goal, actual, of, met); empty without target
   */
  public record CategoryLine(
      String name, Counts counts, Counts first, List<Check> checks, boolean met) {
    public CategoryLine {
      checks = List.copyOf(checks);
    }
  }

  /** One part of a target: {@code actual} of {@code of}, against {@code goal}. */
  public record Check(String kind, double goal, long actual, long of, boolean met) {}

  /**
   * Where the time goes.
   *
   * @param totalMicros the sum of the known test durations
   * @param timed how many executed tests have a known duration
   * @param executed how many tests executed
   * @param tests the slowest tests, slowest first
   * @param suites suites by their summed duration, slowest first
   */
  public record Slowest(
      long totalMicros,
      long timed,
      long executed,
      List<TimedTest> tests,
      List<SuiteTime> suites,
      List<Long> runs) {
    public Slowest {
      tests = List.copyOf(tests);
      suites = List.copyOf(suites);
      runs = List.copyOf(runs);
    }
  }

  /** A test with its duration and outcome. */
  public record TimedTest(String test, long micros, Outcome outcome) {}

  /** A suite with its summed duration and number of tests. */
  public record SuiteTime(String suite, long micros, long tests) {}

  /**
   * One thing to do.
   *
   * @param tests how many tests it would unblock, -1 when it blocks the run (or part of it)
   * @param causes the ids of the causes it comes from
   * @param blocked the scopes it kept from running (modules, files); empty for the whole run
   */
  public record NextStep(String action, int tests, List<String> causes, List<String> blocked) {
    public NextStep {
      causes = List.copyOf(causes);
      blocked = List.copyOf(blocked);
    }
  }
}
