package dev.evident.service;

import dev.evident.analyze.Gate;
import dev.evident.analyze.RunResults;
import dev.evident.model.GateReport;
import dev.evident.model.GateRules;
import dev.evident.model.QuarantinedTest;
import dev.evident.model.Run;
import dev.evident.report.GateJson;
import dev.evident.report.GateText;
import dev.evident.store.ResultStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code evident gate} and {@code --gate}: checks a stored run against quality gates, its
 * quarantined tests left out, new failures counted against the previous run of its branch.
 */
public final class GateService {

  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(%?)");

  private final ResultStore store;

  GateService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The rules to apply: those of the {@code gates} section of the project file in {@code workDir}
   * (or {@code configOrNull}), each replaced by the one {@code overrides} sets.
   *
   * @throws ConfigException when the file has errors
   * @throws InputException when no rule is set at all
   */
  public static GateRules rules(Path workDir, Path configOrNull, GateRules overrides) {
    var loaded = ProjectConfigs.load(workDir, configOrNull);
    GateRules rules =
        loaded.map(l -> l.config().gates()).orElse(GateRules.NONE).overriddenBy(overrides);
    if (rules.isEmpty()) {
      throw new InputException(
          "no gate to check: "
              + loaded
                  .map(
                      l ->
                          l.config().gates().equals(GateRules.NONE)
                              ? l.name() + " has no gates: section"
                              : l.name()
                                  + " sets no rule in gates: (no_broken: false alone is none)")
                  .orElse("no evident.yaml")
              + "; write one (gates: {min_pass_rate: 95%}) or give --max-new-failures,"
              + " --min-pass-rate, --min-executed, --max-flaky or --no-broken");
    }
    return rules;
  }

  /**
   * A percentage as people write it: {@code 95}, {@code 95%}, {@code 99.5%}. A number from 0 to 1
   * without a {@code %} is refused: 0.95 may mean 95% or 0.95%.
   *
   * @throws InputException naming what was wrong
   */
  public static BigDecimal percent(String text) {
    Matcher m = PERCENT.matcher(text.strip());
    BigDecimal p = m.matches() ? new BigDecimal(m.group(1)) : null;
    if (p == null || p.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InputException(
          "'" + text + "' is not a percentage from 0% to 100%; write it like 95%");
    }
    if (m.group(2).isEmpty() && p.signum() > 0 && p.compareTo(BigDecimal.ONE) <= 0) {
      throw new InputException(
          "'"
              + text
              + "' is ambiguous: write "
              + p.movePointRight(2).stripTrailingZeros().toPlainString()
              + "% for a share of "
              + text
              + ", or "
              + text
              + "% if you mean that");
    }
    return p;
  }

  /**
   * Checks {@code run} against {@code rules}.
   *
   * @throws InputException when no rule is set, or the baseline cannot be found or is of another
   *     project
   */
  public GateReport check(Run run, GateRules rules) {
    if (rules.isEmpty()) {
      throw new InputException(
          "no gate to check: give --max-new-failures, --min-pass-rate, --min-executed,"
              + " --max-flaky or --no-broken");
    }
    GateReport.Baseline baseline = null;
    RunResults base = null;
    if (rules.maxNewFailures() != null) {
      baseline = baseline(run, rules.baseline());
      base = baseline.run() == null ? null : results(baseline.run());
    }
    return Gate.check(
        rules, run, results(run), quarantined(run.project()), baseline, base, store::tests);
  }

  private GateReport.Baseline baseline(Run run, String reference) {
    if (reference != null) {
      Run base = new RunQueries(store).baseline(reference, null, run);
      if (base.id() == run.id()) {
        throw new InputException(
            "the baseline " + reference + " is run " + run.id() + " itself; name an earlier run");
      }
      if (!base.project().equals(run.project())) {
        throw new InputException(
            "the baseline "
                + reference
                + " is run "
                + base.id()
                + " of project "
                + base.project()
                + ", run "
                + run.id()
                + " is of project "
                + run.project()
                + "; name a run of "
                + run.project());
      }
      return new GateReport.Baseline(base, "the baseline " + reference);
    }
    RunQueries queries = new RunQueries(store);
    String branch = run.branch();
    if (branch != null) {
      Run r = queries.previousOnBranch(run, branch);
      return new GateReport.Baseline(
          r,
          r == null
              ? "no earlier run on branch " + branch
              : "the previous run on branch " + branch);
    }
    Run before = queries.previous(run);
    return before == null
        ? new GateReport.Baseline(null, "no earlier run of project " + run.project())
        : new GateReport.Baseline(
            before, "the previous run of project " + run.project() + " (no branch recorded)");
  }

  /** Refs of the project's tests in quarantine now. */
  private Set<Long> quarantined(String project) {
    List<QuarantinedTest> tests = store.quarantined(project);
    if (tests.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    tests.forEach(t -> names.add(t.test()));
    Set<Long> refs = new HashSet<>();
    store.tests(
        project,
        (ref, id) -> {
          if (names.contains(id.toString())) {
            refs.add(ref);
          }
        });
    return refs;
  }

  private RunResults results(Run run) {
    RunResults.Builder results = RunResults.builder();
    store.results(run.id(), results::add);
    return results.build();
  }

  /** The report as text: one line per rule with its numbers, then the verdict. */
  public static String text(GateReport report) {
    return GateText.render(report);
  }

  /** The verdict in one line: "Gate FAILED: 1 of 3 rules failed: min-pass-rate". */
  public static String verdict(GateReport report) {
    return GateText.verdict(report);
  }

  /** The report as JSON maps and lists. */
  public static Map<String, Object> json(GateReport report) {
    return GateJson.of(report);
  }
}
