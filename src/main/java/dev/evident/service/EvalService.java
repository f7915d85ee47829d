package dev.evident.service;

import dev.evident.analyze.EvalSample;
import dev.evident.analyze.EvalView;
import dev.evident.analyze.Prices;
import dev.evident.model.EvalKeys;
import dev.evident.model.Outcome;
import dev.evident.model.Run;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import dev.evident.report.EvalJson;
import dev.evident.report.EvalText;
import dev.evident.store.ResultStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluation runs: reads a run's tests as samples with model, agent, package, tokens and cost (from
 * the test's properties, else the run's attributes), and adds them up for {@code evident cost},
 * {@code analyze} and {@code compare --by model}.
 */
public final class EvalService {

  /** How many runs of a project are looked at for --since, --model and --by model. */
  static final int MAX_RUNS = 10_000;

  private final ResultStore store;

  public EvalService(ResultStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The samples of a run, in the order of the store's test refs. */
  public List<EvalSample> samples(Run run) {
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    Map<Long, Long> micros = new HashMap<>();
    store.results(
        run.id(),
        (ref, outcome, us) -> {
          outcomes.put(ref, outcome);
          micros.put(ref, us);
        });
    Map<Long, TestFacts> facts = new HashMap<>();
    store.facts(run.id(), facts::put);
    Map<Long, TestId> tests = store.tests(outcomes.keySet());
    Map<String, String> attrs = run.attributes();
    List<EvalSample> samples = new ArrayList<>(outcomes.size());
    for (var e : outcomes.entrySet()) {
      long ref = e.getKey();
      Map<String, String> p = facts.getOrDefault(ref, TestFacts.NONE).properties();
      TestId id = tests.getOrDefault(ref, new TestId("", "#" + ref));
      String pkg = first(p, attrs, EvalKeys.PACKAGE, "dataset");
      samples.add(
          new EvalSample(
              run.id(),
              or(p.get(EvalKeys.SAMPLE), id.displayName()),
              or(first(p, attrs, EvalKeys.MODEL), ""),
              or(first(p, attrs, EvalKeys.AGENT), ""),
              or(pkg, id.suite()),
              e.getValue(),
              micros.get(ref),
              count(p.get(EvalKeys.TOKENS_INPUT)),
              count(p.get(EvalKeys.TOKENS_OUTPUT)),
              count(p.get(EvalKeys.TOKENS_CACHED)),
              money(first(p, Map.of(), EvalKeys.COST_USD, "cost_usd", "cost"))));
    }
    return samples;
  }

  /**
   * A view rendered both ways, for the CLI.
   *
   * @param text the text report
   * @param json the same as a JSON tree
   */
  public record Output(String text, Map<String, Object> json) {}

  /** What {@code evident cost} prints: a run's cost, or a project's when run is null. */
  public Output cost(Run run, String project, Instant since, Path pricesFile, Path workDir) {
    Prices prices = PriceTables.load(pricesFile, workDir);
    EvalView v = run != null ? run(run, prices) : project(project, since, prices);
    return new Output(EvalText.cost(v), EvalJson.of(v));
  }

  /** What {@code evident analyze} prints. */
  public Output analyze(Run run, Path pricesFile, Path workDir) {
    EvalView v = run(run, PriceTables.load(pricesFile, workDir));
    return new Output(EvalText.analyze(v), EvalJson.of(v));
  }

  /** What {@code evident compare --by model} prints. */
  public Output models(String project, Instant since, Path pricesFile, Path workDir) {
    EvalView v = byModel(project, since, PriceTables.load(pricesFile, workDir));
    return new Output(EvalText.models(v), EvalJson.of(v));
  }

  /** One run's samples added up. */
  public EvalView run(Run run, Prices prices) {
    return EvalView.of(
        "run " + run.id() + " (project " + run.project() + ")",
        List.of(run),
        samples(run),
        Map.of(),
        prices);
  }

  /** The samples of a project's runs (every project's when null) since a date, added up. */
  public EvalView project(String project, Instant since, Prices prices) {
    List<Run> runs = runs(project, since, null, MAX_RUNS);
    List<EvalSample> all = new ArrayList<>();
    runs.forEach(r -> all.addAll(samples(r)));
    return EvalView.of(title(project, since), runs, all, Map.of(), prices);
  }

  /**
   * Models side by side: each model's samples from the newest run (of the project, since the date)
   * that has samples of it, so a model run twice is not counted twice.
   */
  public EvalView byModel(String project, Instant since, Prices prices) {
    return byModel(title(project, since), runs(project, since, null, MAX_RUNS), prices);
  }

  /**
   * What {@code compare --by model} prints for these runs only (a multi-model task group's); runs
   * no longer stored are left out.
   */
  public Output models(String title, List<Long> runIds, Path pricesFile, Path workDir) {
    List<Run> runs = new ArrayList<>();
    runIds.stream()
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(id -> store.run(id).ifPresent(runs::add));
    EvalView v = byModel(title, runs, PriceTables.load(pricesFile, workDir));
    return new Output(EvalText.models(v), EvalJson.of(v));
  }

  /** Models side by side over these runs, newest first: each model from the newest run with it. */
  public EvalView byModel(String title, List<Run> runs, Prices prices) {
    Map<String, Long> runByModel = new LinkedHashMap<>();
    List<EvalSample> chosen = new ArrayList<>();
    List<Run> used = new ArrayList<>();
    for (Run run : runs) {
      Map<String, List<EvalSample>> models = new LinkedHashMap<>();
      for (EvalSample s : samples(run)) {
        models.computeIfAbsent(s.model(), m -> new ArrayList<>()).add(s);
      }
      boolean any = false;
      for (var e : models.entrySet()) {
        String model = e.getKey().isEmpty() ? "(none)" : e.getKey();
        if (!runByModel.containsKey(model)) {
          runByModel.put(model, run.id());
          chosen.addAll(e.getValue());
          any = true;
        }
      }
      if (any) {
        used.add(run);
      }
    }
    return EvalView.of(title, used, chosen, runByModel, prices);
  }

  /**
   * Runs newest first, of a project (every project when null), created since a time (any when
   * null), with samples of a model (any when null): the run's {@code model} attribute or a test's.
   */
  public List<Run> runs(String project, Instant since, String model, int limit) {
    List<Run> out = new ArrayList<>();
    for (Run r : store.runs(project, MAX_RUNS)) {
      if (out.size() >= limit) {
        break;
      }
      if (since != null && r.created().isBefore(since)) {
        continue;
      }
      if (model != null && !hasModel(r, model)) {
        continue;
      }
      out.add(r);
    }
    return out;
  }

  private boolean hasModel(Run r, String model) {
    if (model.equals(r.attributes().get(EvalKeys.MODEL))) {
      return true;
    }
    boolean[] found = {false};
    store.facts(r.id(), (ref, f) -> found[0] |= model.equals(f.properties().get(EvalKeys.MODEL)));
    return found[0];
  }

  /** Parses a --since value: a date (midnight UTC) or an ISO instant. */
  public static Instant since(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e2) {
        throw new InputException(
            "--since " + text + ": not a date; give YYYY-MM-DD or 2026-11-21T10:00:00Z");
      }
    }
  }

  private static String title(String project, Instant since) {
    String who = project == null ? "all projects" : "project " + project;
    return since == null ? who : who + " since " + since;
  }

  private static String first(Map<String, String> p, Map<String, String> attrs, String... keys) {
    for (String k : keys) {
      String v = p.get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    for (String k : keys) {
      String v = attrs.get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String or(String v, String fallback) {
    return v == null ? fallback : v;
  }

  private static long count(String v) {
    if (v == null) {
      return -1;
    }
    try {
      double d = Double.parseDouble(v.strip());
      return d >= 0 ? Math.round(d) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Double money(String v) {
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.strip().replace("$", ""));
      return d >= 0 && Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
