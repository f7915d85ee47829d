package dev.evident.service;

import dev.evident.analyze.ProjectTrend;
import dev.evident.analyze.TestTrend;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.report.TrendJson;
import dev.evident.report.TrendText;
import dev.evident.store.ResultStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evident trend}: a project, or one of its tests, over its last runs. Reads only the runs of
 * the window; for one test, only its suite's row of each run.
 */
public final class TrendService {

  private final ResultStore store;

  TrendService(ResultStore store) {
    this.store = store;
  }

  /**
   * A project over its last {@code runs} runs, with its {@code slowest} slowest tests.
   *
   * @param project the project, or null for the project of the newest run
   */
  public ProjectTrend project(String project, int runs, int slowest) {
    List<Run> window = window(project, runs);
    ProjectTrend.Builder trend = new ProjectTrend.Builder(window.get(0).project());
    for (Run run : window.subList(0, Math.min(runs, window.size()))) {
      trend.run(run);
      store.results(run.id(), trend::add);
    }
    ProjectTrend built = trend.build(window.size() <= runs, slowest);
    List<Long> slow = built.slowest().stream().map(ProjectTrend.SlowTest::test).toList();
    return built.withTests(slow.isEmpty() ? Map.of() : store.tests(slow));
  }

  /**
   * One test over the last {@code runs} runs of its project.
   *
   * @param project the project, or null for the project of the newest run
   * @param test the test as {@code show} prints it: {@code Suite > name[parameters]}
   */
  public TestTrend test(String project, String test, int runs) {
    List<Run> window = window(project, runs);
    String name = window.get(0).project();
    Map.Entry<Long, TestId> found = find(name, test.strip());
    List<Run> shown = window.subList(0, Math.min(runs, window.size()));
    record Found(Outcome outcome, long micros) {}
    Map<Long, Found> results = new HashMap<>();
    store.testResults(
        found.getKey(),
        shown.get(shown.size() - 1).id(),
        shown.get(0).id(),
        (runId, outcome, micros) -> results.put(runId, new Found(outcome, micros)));
    List<TestTrend.Point> points = new ArrayList<>();
    for (Run run : shown) {
      Found r = results.get(run.id());
      points.add(
          r == null
              ? new TestTrend.Point(run, null, -1)
              : new TestTrend.Point(run, r.outcome(), r.micros()));
    }
    return new TestTrend(found.getValue(), points, window.size() <= runs);
  }

  /**
   * The newest {@code runs + 1} runs of the project, newest first: one more tells if that is all.
   */
  private List<Run> window(String project, int runs) {
    if (runs < 1) {
      throw new InputException("--runs must be at least 1, not " + runs);
    }
    String name = project;
    if (name == null) {
      name =
          store
              .latest(null)
              .orElseThrow(
                  () ->
                      new InputException(
                          "no runs stored yet; ingest results first (evident ingest PATH)"))
              .project();
    }
    List<Run> window = store.runs(name, runs + 1);
    if (window.isEmpty()) {
      throw new InputException("no runs of project " + name + " stored yet");
    }
    return window;
  }

  /**
   * The test a user typed as {@code show} prints it. A suite name may itself contain " > " (a
   * describe chain), so every split is tried, the longest suite first.
   */
  private Map.Entry<Long, TestId> find(String project, String typed) {
    List<String[]> splits = new ArrayList<>();
    for (int i = typed.lastIndexOf(" > "); i >= 0; i = typed.lastIndexOf(" > ", i - 1)) {
      splits.add(new String[] {typed.substring(0, i), typed.substring(i + 3)});
    }
    splits.add(new String[] {"", typed});
    Map<Long, TestId> suiteFound = null;
    String nameTyped = typed;
    for (String[] split : splits) {
      Map<Long, TestId> tests = store.suiteTests(project, split[0]);
      for (Map.Entry<Long, TestId> t : tests.entrySet()) {
        if (t.getValue().displayName().equals(split[1])) {
          return t;
        }
      }
      if (suiteFound == null && !tests.isEmpty()) {
        suiteFound = tests;
        nameTyped = split[1];
      }
    }
    if (suiteFound == null) {
      throw new InputException(
          "no test "
              + typed
              + " in project "
              + project
              + ": no suite of that name (give the test as show prints it: Suite > name)");
    }
    String suite = suiteFound.values().iterator().next().suite();
    String typedName = nameTyped;
    List<String> closest =
        suiteFound.values().stream()
            .map(TestId::displayName)
            .sorted(
                Comparator.comparingInt((String n) -> distance(n, typedName)).thenComparing(n -> n))
            .limit(5)
            .toList();
    throw new InputException(
        String.format(
            Locale.ROOT,
            "no test %s in project %s: suite %s has %,d tests, none named %s; the closest: %s",
            typed,
            project,
            suite,
            suiteFound.size(),
            typedName,
            String.join(", ", closest)));
  }

  /** Levenshtein distance, for suggestions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  public static String text(ProjectTrend trend) {
    return TrendText.render(trend);
  }

  public static String text(TestTrend trend) {
    return TrendText.render(trend);
  }

  public static Map<String, Object> json(ProjectTrend trend) {
    return TrendJson.of(trend);
  }

  public static Map<String, Object> json(TestTrend trend) {
    return TrendJson.of(trend);
  }
}
