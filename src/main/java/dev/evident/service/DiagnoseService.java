package dev.evident.service;

import dev.evident.analyze.Classifier;
import dev.evident.analyze.FailureGroup;
import dev.evident.analyze.FailureGrouper;
import dev.evident.analyze.FailureInput;
import dev.evident.analyze.TestFailure;
import dev.evident.model.Category;
import dev.evident.model.CauseGroup;
import dev.evident.model.Diagnosis;
import dev.evident.model.FailureLabel;
import dev.evident.model.LabelMatch;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.RunDiagnosis;
import dev.evident.model.RunError;
import dev.evident.model.RunQuarantine;
import dev.evident.model.SeenBefore;
import dev.evident.store.FailureIndex;
import dev.evident.store.ResultStore;
import dev.evident.store.StoredFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evident diagnose}: classifies every failure of a run by root cause, groups the failures
 * that share a cause, puts an environment problem first when most failures share one system-level
 * cause, looks the groups up in history and in people's labels, and derives the next steps.
 */
public final class DiagnoseService {

  /** Groups looked up in history and labels (the ones a report shows); the rest only counted. */
  static final int LOOKED_UP = 50;

  /**
   * The share of failures one system-level cause must have for the run to be an environment
   * problem.
   */
  static final double ENVIRONMENT_SHARE = 0.5;

  private final ResultStore store;
  private final Classifier classifier;
  private final FailureSignatures signatures;
  private final FailureHistory history;

  DiagnoseService(
      ResultStore store,
      Classifier classifier,
      FailureSignatures signatures,
      FailureHistory history) {
    this.store = store;
    this.classifier = classifier;
    this.signatures = signatures;
    this.history = history;
  }

  /**
   * Diagnoses a run.
   *
   * @param run the run
   * @param testsPerGroup how many tests of each group to list (all are counted)
   * @param lookBack whether to look groups up in history (the failure index) and labels
   */
  public RunDiagnosis diagnose(Run run, int testsPerGroup, boolean lookBack) {
    String runner = store.runner(run.id());
    List<StoredFailure> stored = new ArrayList<>();
    store.failures(run.id(), stored::add);
    // Classification is most of the work: on all cores, each text once.
    List<Diagnosis> diagnoses =
        stored.parallelStream().map(f -> signatures.diagnose(f, runner)).toList();
    List<TestFailure> failures = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      StoredFailure f = stored.get(i);
      Diagnosis d = diagnoses.get(i);
      if (f.outcome() == Outcome.FLAKY) {
        d = flaky(d);
      }
      failures.add(new TestFailure(f.test(), f.outcome(), f.failure(), d));
    }
    List<FailureGroup> grouped =
        withParents(mergeSameCause(new FailureGrouper().group(children(failures))), failures);
    List<FailureLabel> labels = lookBack ? store.labels(run.project()) : List.of();
    Map<String, FailureLabel> labelByFingerprint = new HashMap<>();
    for (FailureLabel label : labels) {
      labelByFingerprint.putIfAbsent(label.fingerprint(), label);
    }
    List<FailureGroup> ordered = byImpact(grouped);
    List<Optional<SeenBefore>> seenBefore =
        lookBack && history != null ? seen(run, ordered) : List.of();
    List<CauseGroup> groups = new ArrayList<>();
    int index = 0;
    for (FailureGroup g : ordered) {
      boolean detailed = lookBack && index < LOOKED_UP;
      SeenBefore seen = detailed && history != null ? seenBefore.get(index).orElse(null) : null;
      index++;
      LabelMatch match = detailed ? label(run, g, labelByFingerprint, labels) : null;
      Diagnosis diagnosis = g.diagnosis();
      if (match != null) {
        diagnosis =
            new Diagnosis(
                match.label().cause(),
                1.0,
                diagnosis.evidence(),
                diagnosis.entities(),
                match.label().note().isBlank() ? diagnosis.remediation() : match.label().note(),
                "label");
      }
      groups.add(
          new CauseGroup(
              g.id(),
              diagnosis,
              g.message(),
              g.count(),
              g.tests().subList(0, Math.min(testsPerGroup, g.count())),
              seen,
              match == null ? null : match.label(),
              match == null ? "" : LabelService.describe(match)));
    }
    groups.sort(impact());
    List<RunDiagnosis.DiagnosedError> errors = new ArrayList<>();
    for (RunError e : store.detail(run.id(), 0).runErrors()) {
      errors.add(new RunDiagnosis.DiagnosedError(e, diagnoseError(runner, e)));
    }
    return new RunDiagnosis(
        run,
        failures.size(),
        groups,
        errors,
        environment(groups, failures.size(), errors),
        NextSteps.of(groups, errors));
  }

  public static String text(RunDiagnosis d, int maxGroups) {
    return dev.evident.report.DiagnosisText.render(d, maxGroups);
  }

  public static Map<String, Object> json(RunDiagnosis d) {
    return dev.evident.report.DiagnosisJson.of(d);
  }

  /** With the quarantined tests among the failures named and marked. */
  public static String text(RunDiagnosis d, int maxGroups, RunQuarantine quarantine) {
    return dev.evident.report.DiagnosisText.render(d, maxGroups, quarantine);
  }

  public static Map<String, Object> json(RunDiagnosis d, RunQuarantine quarantine) {
    return dev.evident.report.DiagnosisJson.of(d, quarantine);
  }

  /** The one line {@code show} prints about the top causes, or empty. */
  public static String topCauses(RunDiagnosis d) {
    return dev.evident.report.DiagnosisText.topCauses(d, 3);
  }

  /**
   * A test that failed and then passed on a rerun in the same run is flaky, whatever its failed
   * attempt said (TAXONOMY: flaky_nondeterminism); that attempt's cause stays as evidence.
   */
  private static Diagnosis flaky(Diagnosis attempt) {
    Map<String, String> entities = new LinkedHashMap<>(attempt.entities());
    entities.put("attempt_cause", attempt.category().id());
    return new Diagnosis(
        Category.FLAKY_NONDETERMINISM,
        0.95,
        "failed, then passed on a rerun in the same run; the failed attempt: " + attempt.evidence(),
        entities,
        "the test failed ("
            + attempt.category().id()
            + ") and then passed without a change: make it deterministic (order, timing, shared"
            + " state, randomness) or quarantine it until it is",
        "outcome:flaky");
  }

  private static final java.util.regex.Pattern SUBTEST_FAILED =
      java.util.regex.Pattern.compile("^subtest failed: (.+)$");

  /**
   * The failures but parents that failed only because a subtest failed (Go's TestX for TestX/y).
   */
  private static List<TestFailure> children(List<TestFailure> failures) {
    Map<String, TestFailure> byName = new HashMap<>();
    failures.forEach(f -> byName.put(f.test().suite() + "\u0000" + f.test().name(), f));
    List<TestFailure> kept = new ArrayList<>();
    for (TestFailure f : failures) {
      var m = SUBTEST_FAILED.matcher(f.failure().message());
      if (!(m.matches() && byName.containsKey(f.test().suite() + "\u0000" + m.group(1)))) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** Puts each such parent into its failed subtest's group: it fails for the same reason. */
  private static List<FailureGroup> withParents(List<FailureGroup> groups, List<TestFailure> all) {
    Map<String, Integer> groupOf = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      for (TestFailure f : groups.get(i).failures()) {
        groupOf.put(f.test().suite() + "\u0000" + f.test().name(), i);
      }
    }
    Map<Integer, List<TestFailure>> parents = new HashMap<>();
    for (TestFailure f : all) {
      var m = SUBTEST_FAILED.matcher(f.failure().message());
      Integer child = m.matches() ? groupOf.get(f.test().suite() + "\u0000" + m.group(1)) : null;
      if (child != null) {
        parents.computeIfAbsent(child, k -> new ArrayList<>()).add(f);
      }
    }
    if (parents.isEmpty()) {
      return groups;
    }
    List<FailureGroup> result = new ArrayList<>(groups);
    parents.forEach(
        (i, extra) -> {
          FailureGroup g = result.get(i);
          List<TestFailure> failures = new ArrayList<>(g.failures());
          failures.addAll(extra);
          result.set(
              i,
              new FailureGroup(
                  g.id(),
                  g.category(),
                  g.diagnosis(),
                  g.message(),
                  g.text(),
                  g.fingerprints(),
                  failures,
                  g.seen()));
        });
    return result;
  }

  /**
   * Groups the fingerprints keep apart but the diagnosis says share a cause: the same rule with the
   * same entities (every test that cannot reach localhost:6381 fails for one reason, however
   * different the tests' own stack frames are). Assertion failures, flaky tests and unknown causes
   * stay apart: their entities describe the test, not a shared cause.
   */
  private static List<FailureGroup> mergeSameCause(List<FailureGroup> groups) {
    Map<String, List<FailureGroup>> byCause = new LinkedHashMap<>();
    List<FailureGroup> merged = new ArrayList<>();
    for (FailureGroup g : groups) {
      Diagnosis d = g.diagnosis();
      boolean shared =
          !d.rule().isEmpty()
              && !d.entities().isEmpty()
              && d.category() != Category.ASSERTION_FAILURE
              && d.category() != Category.FLAKY_NONDETERMINISM
              && d.category() != Category.OTHER;
      if (shared) {
        String key =
            d.category().id() + "|" + d.rule() + "|" + new java.util.TreeMap<>(d.entities());
        byCause.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
      } else {
        merged.add(g);
      }
    }
    for (List<FailureGroup> same : byCause.values()) {
      if (same.size() == 1) {
        merged.add(same.get(0));
        continue;
      }
      same.sort(Comparator.comparingInt(FailureGroup::count).reversed());
      FailureGroup first = same.get(0);
      List<String> fingerprints = new ArrayList<>();
      List<TestFailure> all = new ArrayList<>();
      for (FailureGroup g : same) {
        fingerprints.addAll(g.fingerprints());
        all.addAll(g.failures());
      }
      merged.add(
          new FailureGroup(
              first.id(),
              first.category(),
              first.diagnosis(),
              first.message(),
              first.text(),
              fingerprints,
              all,
              first.seen()));
    }
    return merged;
  }

  /**
   * Biggest first; among equals, by defect group (system causes first: they explain the rest; then
   * automation, product, flaky, to investigate) and then by id.
   */
  private static List<FailureGroup> byImpact(List<FailureGroup> groups) {
    List<FailureGroup> sorted = new ArrayList<>(groups);
    sorted.sort(
        Comparator.comparingInt(FailureGroup::count)
            .reversed()
            .thenComparing(g -> g.category().group())
            .thenComparing(FailureGroup::id));
    return sorted;
  }

  private static Comparator<CauseGroup> impact() {
    return Comparator.comparingInt(CauseGroup::count)
        .reversed()
        .thenComparing(g -> g.category().group())
        .thenComparing(CauseGroup::id);
  }

  /** Where the first {@link #LOOKED_UP} groups failed before, looked up together. */
  private List<Optional<SeenBefore>> seen(Run run, List<FailureGroup> ordered) {
    List<FailureIndex.Lookup> lookups = new ArrayList<>();
    for (FailureGroup g : ordered.subList(0, Math.min(LOOKED_UP, ordered.size()))) {
      lookups.add(new FailureIndex.Lookup(g.id(), g.text()));
    }
    return history.seenBefore(run.project(), lookups, run.id());
  }

  private LabelMatch label(
      Run run, FailureGroup g, Map<String, FailureLabel> exact, List<FailureLabel> labels) {
    if (labels.isEmpty()) {
      return null;
    }
    for (String fingerprint : g.fingerprints()) {
      FailureLabel label = exact.get(fingerprint);
      if (label != null) {
        return new LabelMatch(label, true, 1.0);
      }
    }
    if (history == null) {
      return null;
    }
    Map<String, Double> similar = history.similar(run.project(), g.id(), g.text());
    LabelMatch best = null;
    for (FailureLabel label : labels) {
      Double similarity = similar.get(label.fingerprint());
      if (similarity != null && (best == null || similarity > best.similarity())) {
        best = new LabelMatch(label, false, similarity);
      }
    }
    return best;
  }

  /** An error outside tests: a missing requirement says its category; the rest are classified. */
  private Diagnosis diagnoseError(String runner, RunError e) {
    if (e.kind() == RunError.Kind.PREFLIGHT) {
      String kind =
          e.scope().contains(" ") ? e.scope().substring(0, e.scope().indexOf(' ')) : e.scope();
      String name = e.scope().contains(" ") ? e.scope().substring(e.scope().indexOf(' ') + 1) : "";
      Category category =
          switch (kind.toLowerCase(Locale.ROOT)) {
            case "service" -> Category.SERVICE_UNAVAILABLE;
            case "command" -> Category.MISSING_DEPENDENCY;
            case "version" -> Category.DEPENDENCY_CONFLICT;
            default -> Category.CONFIGURATION_MISSING;
          };
      return new Diagnosis(
          category,
          1.0,
          e.failure().message(),
          Map.of(kind.toLowerCase(Locale.ROOT), name),
          e.failure().details(),
          "preflight");
    }
    return classifier.classify(
        new FailureInput(
            runner,
            e.failure().type(),
            e.failure().message(),
            e.failure().details(),
            "",
            "",
            e.failure().details()));
  }

  /** The headline when one system-level cause has most of the failures (or broke the run). */
  private static String environment(
      List<CauseGroup> groups, int failures, List<RunDiagnosis.DiagnosedError> errors) {
    Map<Category, Integer> bySystemCategory = new LinkedHashMap<>();
    for (CauseGroup g : groups) {
      if (g.category().system()) {
        bySystemCategory.merge(g.category(), g.count(), Integer::sum);
      }
    }
    for (CauseGroup g : groups) {
      if (g.category().system() && failures > 0 && g.count() >= ENVIRONMENT_SHARE * failures) {
        return String.format(
            Locale.ROOT,
            "%d of %d failures share one system-level cause: %s (%s)",
            g.count(),
            failures,
            g.category().id(),
            g.message());
      }
    }
    for (var entry : bySystemCategory.entrySet()) {
      if (failures > 0 && entry.getValue() >= ENVIRONMENT_SHARE * failures) {
        return String.format(
            Locale.ROOT,
            "%d of %d failures have a system-level cause of one kind: %s",
            entry.getValue(),
            failures,
            entry.getKey().id());
      }
    }
    if (failures == 0) {
      for (RunDiagnosis.DiagnosedError e : errors) {
        if (e.diagnosis().category().system()) {
          return "no test ran: "
              + e.diagnosis().category().id()
              + " ("
              + e.error().failure().firstLine()
              + ")";
        }
      }
    }
    return "";
  }
}
