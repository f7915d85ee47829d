package dev.evident.analyze;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Adds samples up by a key (model, package, agent), keys in name order. */
public final class EvalGroups {

  private EvalGroups() {}

  public static Map<String, EvalTally> by(
      Collection<EvalSample> samples, Function<EvalSample, String> key, Prices prices) {
    Map<String, EvalTally> groups = new TreeMap<>();
    for (EvalSample s : samples) {
      String k = key.apply(s);
      groups.computeIfAbsent(k.isEmpty() ? "(none)" : k, x -> new EvalTally()).add(s, prices);
    }
    return groups;
  }

  public static EvalTally total(Collection<EvalSample> samples, Prices prices) {
    EvalTally t = new EvalTally();
    samples.forEach(s -> t.add(s, prices));
    return t;
  }
}
