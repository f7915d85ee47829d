package dev.evident.analyze;

import dev.evident.model.CategoryProgress;
import dev.evident.model.CategoryProgress.TargetCheck;
import dev.evident.model.Counts;
import dev.evident.model.Outcome;
import dev.evident.model.ProgressReport;
import dev.evident.model.Run;
import dev.evident.model.TestCategory;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts each category's tests in a run and in the runs before it, and checks the targets. A test
 * belongs to the categories its identity and facts match in the newest run it appears in; a test in
 * several categories counts in each, a test in none is uncategorised.
 */
public final class Progress {

  /** The name of the tests in no category. */
  public static final String UNCATEGORISED = "uncategorised";

  private static final int OUTCOMES = Outcome.values().length;

  private Progress() {}

  /**
   * Measures a run against the categories.
   *
   * @param history the run and the runs before it, newest first, starting with the run
   */
  public static ProgressReport measure(
      List<Run> history, List<TestCategory> categories, StoredResults store) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("no run to measure");
    }
    CategoryMatcher matcher = CategoryMatcher.of(categories);
    Memberships memberships = new Memberships();
    int columns = categories.size() + 1; // the last one: uncategorised
    long[][][] tallies = new long[history.size()][columns][OUTCOMES];
    long inSeveral = 0;
    for (int r = 0; r < history.size(); r++) {
      long runId = history.get(r).id();
      RunColumns results = RunColumns.read(store, runId);
      memberships.learn(results, runId, matcher, store);
      long[][] tally = tallies[r];
      for (int i = 0; i < results.size(); i++) {
        int[] in = memberships.of(results.ref(i));
        int outcome = results.outcome(i).ordinal();
        if (in.length == 0) {
          tally[categories.size()][outcome]++;
        }
        for (int c : in) {
          tally[c][outcome]++;
        }
        if (r == 0 && in.length > 1) {
          inSeveral++;
        }
      }
    }
    List<CategoryProgress> progress = new ArrayList<>();
    for (int c = 0; c < categories.size(); c++) {
      progress.add(category(categories.get(c), c, history, tallies));
    }
    CategoryProgress uncategorised =
        new CategoryProgress(
            UNCATEGORISED,
            null,
            counts(tallies[0][categories.size()]),
            List.of(),
            over(history, tallies, categories.size()));
    return new ProgressReport(
        history.get(0), history.reversed(), progress, uncategorised, inSeveral);
  }

  private static CategoryProgress category(
      TestCategory category, int column, List<Run> history, long[][][] tallies) {
    Counts counts = counts(tallies[0][column]);
    return new CategoryProgress(
        category.name(),
        category,
        counts,
        checks(category.target(), counts),
        over(history, tallies, column));
  }

  /** The parts of a target that are set, checked against a category's counts. */
  static List<TargetCheck> checks(TestCategory.Target target, Counts counts) {
    List<TargetCheck> checks = new ArrayList<>();
    long exist = counts.collected();
    long passed = counts.passed() + counts.flaky();
    if (target.tests() != null) {
      checks.add(
          new TargetCheck(
              TargetCheck.Kind.TESTS,
              target.tests(),
              exist,
              target.tests(),
              exist >= target.tests()));
    }
    if (target.passed() != null) {
      checks.add(
          new TargetCheck(
              TargetCheck.Kind.PASSED, target.passed(), passed, exist, passed >= target.passed()));
    }
    if (target.passRate() != null) {
      // Compared as whole numbers: 9 of 10 meets 90% whatever the floating point says.
      boolean met = exist > 0 && passed * 1_000_000 >= Math.round(target.passRate() * 1e6) * exist;
      checks.add(
          new TargetCheck(TargetCheck.Kind.PASS_RATE, target.passRate(), passed, exist, met));
    }
    return checks;
  }

  private static List<CategoryProgress.RunCounts> over(
      List<Run> history, long[][][] tallies, int column) {
    List<CategoryProgress.RunCounts> points = new ArrayList<>();
    for (int r = history.size() - 1; r >= 0; r--) {
      Run run = history.get(r);
      points.add(
          new CategoryProgress.RunCounts(
              run.id(),
              run.started() != null ? run.started() : run.created(),
              counts(tallies[r][column])));
    }
    return points;
  }

  private static Counts counts(long[] byOutcome) {
    return Counts.of(
        byOutcome[Outcome.PASSED.ordinal()],
        byOutcome[Outcome.FAILED.ordinal()],
        byOutcome[Outcome.ERRORED.ordinal()],
        byOutcome[Outcome.SKIPPED.ordinal()],
        byOutcome[Outcome.FLAKY.ordinal()]);
  }

  /** The categories of each test seen so far, as an index into the distinct sets of categories. */
  private static final class Memberships {
    private final RefTable byRef = new RefTable();
    private final List<int[]> sets = new ArrayList<>();
    private final Map<List<Integer>, Integer> setIndex = new HashMap<>();

    int[] of(long ref) {
      return sets.get(byRef.get(ref));
    }

    /** Matches the tests of a run not seen in a newer run. */
    void learn(RunColumns results, long runId, CategoryMatcher matcher, StoredResults store) {
      Set<Long> fresh = new HashSet<>();
      for (int i = 0; i < results.size(); i++) {
        if (!byRef.contains(results.ref(i))) {
          fresh.add(results.ref(i));
        }
      }
      if (fresh.isEmpty()) {
        return;
      }
      Map<Long, TestId> ids = store.tests(fresh);
      Map<Long, TestFacts> facts = new HashMap<>();
      if (matcher.needsFacts()) {
        store.facts(
            runId,
            (ref, f) -> {
              if (fresh.contains(ref)) {
                facts.put(ref, f);
              }
            });
      }
      for (long ref : fresh) {
        TestId id = ids.get(ref);
        int[] in =
            id == null ? new int[0] : matcher.match(id, facts.getOrDefault(ref, TestFacts.NONE));
        byRef.put(ref, index(in));
      }
    }

    private int index(int[] set) {
      List<Integer> key = Arrays.stream(set).boxed().toList();
      return setIndex.computeIfAbsent(
          key,
          k -> {
            sets.add(set);
            return sets.size() - 1;
          });
    }
  }
}
