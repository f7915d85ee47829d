package dev.evident.cli;

import dev.evident.model.GateRules;
import dev.evident.service.GateService;
import dev.evident.service.InputException;
import java.math.BigDecimal;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The rules of a quality gate as options; each replaces the same rule of evident.yaml. */
final class GateOptions {

  @Option(
      names = "--max-new-failures",
      paramLabel = "N",
      description = "At most N tests fail that did not fail in the baseline.")
  Integer maxNewFailures;

  @Option(
      names = "--min-pass-rate",
      paramLabel = "P",
      description =
          "At least P percent (95, 95%%, 99.5%%) of the executed tests passed, flaky ones counted as"
              + " passed; a run with no test executed fails it.")
  String minPassRate;

  @Option(names = "--min-executed", paramLabel = "N", description = "At least N tests executed.")
  Long minExecuted;

  @Option(
      names = "--max-flaky",
      paramLabel = "N",
      description = "At most N tests passed only on a retry.")
  Integer maxFlaky;

  @Option(
      names = "--no-broken",
      description =
          "The run is not BROKEN, BLOCKED or INTERRUPTED and has no errors outside tests.")
  Boolean noBroken;

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description =
          "What new failures are counted against: a run id, latest~N or branch:NAME (default: the"
              + " previous run on the run's branch, else the previous run of its project).")
  String baseline;

  /** Whether any option was given. */
  boolean any() {
    return maxNewFailures != null
        || minPassRate != null
        || minExecuted != null
        || maxFlaky != null
        || noBroken != null
        || baseline != null;
  }

  /** The rules the options set; usage errors for negative counts and unreadable percentages. */
  GateRules rules(CommandLine cl) {
    negative(cl, "--max-new-failures", maxNewFailures);
    negative(cl, "--min-executed", minExecuted);
    negative(cl, "--max-flaky", maxFlaky);
    BigDecimal rate = null;
    if (minPassRate != null) {
      try {
        rate = GateService.percent(minPassRate);
      } catch (InputException e) {
        throw new CommandLine.ParameterException(cl, "--min-pass-rate: " + e.getMessage());
      }
    }
    return new GateRules(maxNewFailures, rate, minExecuted, maxFlaky, noBroken, baseline);
  }

  private static void negative(CommandLine cl, String option, Number value) {
    if (value != null && value.longValue() < 0) {
      throw new CommandLine.ParameterException(cl, option + " must be 0 or more; found " + value);
    }
  }
}
