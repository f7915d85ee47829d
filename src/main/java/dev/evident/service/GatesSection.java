package dev.evident.service;

import dev.evident.model.GateRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code gates} section of the configuration file: the rules {@code evident gate} and
 * {@code --gate} apply.
 *
 * <pre>
 * gates:
 *   max_new_failures: 0     # tests failing now that did not fail in the baseline
 *   min_pass_rate: 95%      # of the executed tests, flaky ones counted as passed
 *   min_executed: 1000      # tests executed
 *   max_flaky: 5            # tests that passed only on a retry
 *   no_broken: true         # no BROKEN, BLOCKED or INTERRUPTED run, no errors outside tests
 *   baseline: branch:main   # what new failures are counted against (default: the previous run
 *                           # of the run's branch)
 * </pre>
 */
final class GatesSection {

  static final String NAME = "gates";

  private static final List<String> KEYS =
      List.of(
          "max_new_failures",
          "min_pass_rate",
          "min_executed",
          "max_flaky",
          "no_broken",
          "baseline");

  private GatesSection() {}

  static GateRules parse(ConfigNode section) {
    Map<String, ConfigNode> keys = section.mapping(KEYS, "min_pass_rate: 95%");
    Integer maxNew = count(keys.get("max_new_failures"));
    BigDecimal rate = null;
    ConfigNode rateNode = keys.get("min_pass_rate");
    if (rateNode != null && !rateNode.isAbsent()) {
      String text = rateNode.scalar("a percentage, like 95%");
      try {
        rate = GateService.percent(text);
      } catch (InputException e) {
        throw rateNode.error(rateNode.path() + ": " + e.getMessage());
      }
    }
    Integer minExecuted = count(keys.get("min_executed"));
    Integer maxFlaky = count(keys.get("max_flaky"));
    ConfigNode noBroken = keys.get("no_broken");
    Boolean broken =
        noBroken == null || noBroken.isAbsent() ? null : noBroken.bool("true or false");
    ConfigNode baseline = keys.get("baseline");
    String base =
        baseline == null || baseline.isAbsent()
            ? null
            : baseline.scalar("a run, like branch:main or latest~1");
    return new GateRules(
        maxNew, rate, minExecuted == null ? null : minExecuted.longValue(), maxFlaky, broken, base);
  }

  private static Integer count(ConfigNode node) {
    if (node == null || node.isAbsent()) {
      return null;
    }
    int n = node.integer("a whole number of tests, like 0 or 1000");
    if (n < 0) {
      throw node.error(node.path() + " must be 0 or more; found " + n);
    }
    return n;
  }
}
