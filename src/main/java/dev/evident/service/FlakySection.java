package dev.evident.service;

import dev.evident.model.FlakySettings;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code flaky} section of the configuration file: how {@code evident flaky} scores.
 *
 * <pre>
 * flaky:
 *   window: 50          # the project's newest runs looked at
 *   min_runs: 5         # runs a test needs (outages left out) before it gets a verdict
 *   threshold: 0.05     # the score from which a test is flaky
 *   recovery_runs: 10   # consistent runs in a row after which a flaky test has recovered
 *   outage_share: 0.5   # a run where more than this share of tests failed, most for one cause,
 *                       # is an outage and left out
 * </pre>
 */
final class FlakySection {

  static final String NAME = "flaky";

  private static final List<String> KEYS =
      List.of("window", "min_runs", "threshold", "recovery_runs", "outage_share");

  private FlakySection() {}

  static FlakySettings parse(ConfigNode section) {
    Map<String, ConfigNode> keys = section.mapping(KEYS, "window: 50");
    FlakySettings d = FlakySettings.DEFAULT;
    int window = whole(keys.get("window"), d.window(), 2, "2 runs or more");
    int minRuns = whole(keys.get("min_runs"), d.minRuns(), 2, "2 runs or more");
    double threshold = share(keys.get("threshold"), d.threshold(), true, "0.05");
    int recovery = whole(keys.get("recovery_runs"), d.recoveryRuns(), 1, "1 run or more");
    double outage = share(keys.get("outage_share"), d.outageShare(), false, "0.5");
    if (keys.containsKey("min_runs") && minRuns > window) {
      throw keys.get("min_runs")
          .error(
              "flaky.min_runs ("
                  + minRuns
                  + ") is more than flaky.window ("
                  + window
                  + "): no test could get a verdict");
    }
    return new FlakySettings(window, minRuns, threshold, recovery, outage);
  }

  private static int whole(ConfigNode node, int fallback, int min, String what) {
    if (node == null || node.isAbsent()) {
      return fallback;
    }
    int value = node.integer("a whole number, " + what);
    if (value < min) {
      throw node.error(node.path() + " must be " + what + "; found " + value);
    }
    return value;
  }

  /** A share: above 0 and at most 1 (or below 1 when {@code oneAllowed} is false). */
  private static double share(
      ConfigNode node, double fallback, boolean oneAllowed, String example) {
    if (node == null || node.isAbsent()) {
      return fallback;
    }
    String what = oneAllowed ? "a number above 0 and at most 1" : "a number above 0 and below 1";
    double value = node.number(what + ", like " + example);
    if (!(value > 0 && (oneAllowed ? value <= 1 : value < 1))) {
      throw node.error(node.path() + " must be " + what + "; found " + node.describe());
    }
    return value;
  }
}
