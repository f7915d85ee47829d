package dev.evident.service;

import dev.evident.analyze.Comparison;
import dev.evident.analyze.RunComparison;
import dev.evident.analyze.RunResults;
import dev.evident.analyze.TestChange;
import dev.evident.model.Run;
import dev.evident.model.TestId;
import dev.evident.report.ComparisonJson;
import dev.evident.report.ComparisonText;
import dev.evident.store.ResultStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code evident compare}: two stored runs test by test. Reads every result of both runs (a few
 * rows each) and the names of the tests that changed, nothing else.
 */
public final class CompareService {

  private final ResultStore store;

  CompareService(ResultStore store) {
    this.store = store;
  }

  /**
   * Compares {@code head} with {@code base}.
   *
   * @param acrossProjects whether runs of different projects may be compared; their tests are then
   *     matched by suite, name and parameters, otherwise such a comparison is refused, since the
   *     same name in two projects is rarely the same test
   */
  public RunComparison compare(Run base, Run head, boolean acrossProjects) {
    if (base.id() == head.id()) {
      throw new InputException(
          "both sides are run "
              + head.id()
              + "; name two different runs (latest~1 latest compares the latest run with the one"
              + " before it)");
    }
    boolean across = !base.project().equals(head.project());
    if (across && !acrossProjects) {
      throw new InputException(
          "run "
              + base.id()
              + " is of project "
              + base.project()
              + " and run "
              + head.id()
              + " of project "
              + head.project()
              + ": tests of different projects are different tests; give --across-projects to"
              + " match them by suite, name and parameters");
    }
    RunResults baseResults = results(base);
    RunResults headResults = results(head);
    if (across) {
      baseResults = matchedTo(baseResults, headResults);
    }
    Comparison comparison = Comparison.of(baseResults, headResults);
    Set<Long> changed = new HashSet<>();
    for (List<TestChange> tests : comparison.buckets().values()) {
      tests.forEach(t -> changed.add(t.test()));
    }
    Map<Long, TestId> names = changed.isEmpty() ? Map.of() : store.tests(changed);
    return new RunComparison(base, head, comparison, names, across);
  }

  private RunResults results(Run run) {
    RunResults.Builder results = RunResults.builder();
    store.results(run.id(), results::add);
    return results.build();
  }

  /**
   * The base's results keyed by the head's refs where a head test has the same identity; the others
   * keep their own refs, which never collide with another project's (suite ids are global).
   */
  private RunResults matchedTo(RunResults base, RunResults head) {
    Map<Long, TestId> headIds = store.tests(keys(head));
    Map<TestId, Long> headRefs = new HashMap<>();
    headIds.forEach((ref, id) -> headRefs.put(id, ref));
    Map<Long, TestId> baseIds = store.tests(keys(base));
    return base.withTests(
        ref -> {
          TestId id = baseIds.get(ref);
          Long match = id == null ? null : headRefs.get(id);
          return match == null ? ref : match;
        });
  }

  private static List<Long> keys(RunResults results) {
    List<Long> keys = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      keys.add(results.test(i));
    }
    return keys;
  }

  /** The comparison as text, listing up to {@code max} tests per bucket. */
  public static String text(RunComparison comparison, int max) {
    return ComparisonText.render(comparison, max);
  }

  /** The comparison as JSON maps and lists, every test of every bucket. */
  public static Map<String, Object> json(RunComparison comparison) {
    return ComparisonJson.of(comparison);
  }
}
