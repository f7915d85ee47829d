package dev.evident.report;

import dev.evident.analyze.EvalTally;
import dev.evident.analyze.EvalView;
import dev.evident.model.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for evaluation runs: the same groups as {@link EvalText}, every count with its denominator,
 * cost split into given (from the data) and computed (from tokens and prices).
 */
public final class EvalJson {

  private EvalJson() {}

  public static Map<String, Object> of(EvalView v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scope", v.title());
    out.put("runs", v.runs().stream().map(Run::id).toList());
    out.put("total", tally(v.total()));
    out.put("byModel", groups(v.byModel()));
    out.put("byPackage", groups(v.byPackage()));
    Map<String, Object> mp = new LinkedHashMap<>();
    v.byModelPackage().forEach((m, g) -> mp.put(m, groups(g)));
    out.put("byModelAndPackage", mp);
    if (!v.runByModel().isEmpty()) {
      out.put("runByModel", v.runByModel());
    }
    Map<String, Object> prices = new LinkedHashMap<>();
    prices.put("source", v.prices().source());
    Map<String, Object> used = new LinkedHashMap<>();
    v.byModel()
        .keySet()
        .forEach(
            m ->
                v.prices()
                    .of(m)
                    .ifPresent(
                        p -> {
                          Map<String, Object> e = new LinkedHashMap<>();
                          e.put("inputPerMillion", p.input());
                          e.put("cachedInputPerMillion", p.cachedInput());
                          e.put("outputPerMillion", p.output());
                          e.put("date", p.date());
                          e.put("note", p.note());
                          used.put(m, e);
                        }));
    prices.put("used", used);
    prices.put("noPrice", List.copyOf(v.total().unpricedModels()));
    out.put("prices", prices);
    return out;
  }

  private static Map<String, Object> groups(Map<String, EvalTally> groups) {
    Map<String, Object> out = new LinkedHashMap<>();
    groups.forEach((k, t) -> out.put(k, tally(t)));
    return out;
  }

  static Map<String, Object> tally(EvalTally t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("samples", t.samples());
    out.put("executed", t.executed());
    out.put("passed", t.passed());
    out.put("failed", t.failed());
    out.put("errored", t.errored());
    out.put("skipped", t.skipped());
    out.put("passRate", t.executed() == 0 ? null : (double) t.passed() / t.executed());
    out.put("durationMicros", t.timed() == 0 ? null : t.micros());
    Map<String, Object> tokens = new LinkedHashMap<>();
    tokens.put("samplesWithTokens", t.withTokens());
    tokens.put("input", t.input());
    tokens.put("cached", t.cached());
    tokens.put("output", t.output());
    out.put("tokens", tokens);
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("usd", t.costGiven() + t.costComputed() == 0 ? null : t.cost());
    cost.put("givenUsd", t.givenCost());
    cost.put("samplesGiven", t.costGiven());
    cost.put("computedUsd", t.computedCost());
    cost.put("samplesComputed", t.costComputed());
    cost.put("samplesNoPrice", t.noPrice());
    cost.put("samplesNoTokens", t.noTokens());
    cost.put("from", t.costSource());
    out.put("cost", cost);
    out.put("runs", List.copyOf(t.runs()));
    return out;
  }
}
