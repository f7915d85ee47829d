package dev.evident.report;

import dev.evident.analyze.EvalTally;
import dev.evident.analyze.EvalView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Text for evaluation runs: {@code evident analyze}, {@code cost} and {@code compare --by model}.
 */
public final class EvalText {

  private EvalText() {}

  /** Pass rates, time, tokens and cost per package and per model. */
  public static String analyze(EvalView v) {
    StringBuilder out = new StringBuilder(headline(v));
    if (v.total().samples() == 0) {
      return out.append("No samples: the run holds no tests.\n").toString();
    }
    out.append('\n');
    table(out, "PACKAGE", v.byPackage(), v.total());
    if (v.byModel().size() > 1 || !v.byModel().containsKey("(none)")) {
      out.append('\n');
      table(out, "MODEL", v.byModel(), null);
    }
    return out.append(footer(v)).toString();
  }

  /** Tokens and money per model and per package. */
  public static String cost(EvalView v) {
    StringBuilder out = new StringBuilder("Cost of " + v.title() + ": ");
    out.append(Numbers.count(v.total().samples(), "sample", "samples")).append('\n');
    if (v.total().samples() == 0) {
      return out.toString();
    }
    out.append('\n');
    costTable(out, "MODEL", v.byModel(), v.total());
    out.append('\n');
    costTable(out, "PACKAGE", v.byPackage(), null);
    return out.append(footer(v)).toString();
  }

  /** Models side by side, then each package's pass rate per model. */
  public static String models(EvalView v) {
    StringBuilder out = new StringBuilder("Models side by side, " + v.title());
    out.append(" (each model's newest run)\n");
    if (v.byModel().isEmpty()) {
      return out.append("No samples found.\n").toString();
    }
    out.append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "MODEL", "RUN", "PASSED OF EXECUTED", "RATE", "TIME", "TOKENS IN", "OUT", "COST (USD)"
        });
    v.byModel()
        .forEach(
            (m, t) ->
                rows.add(
                    new String[] {
                      m,
                      String.valueOf(v.runByModel().getOrDefault(m, 0L)),
                      passedOf(t),
                      Numbers.percent(t.passed(), t.executed()),
                      time(t),
                      tokens(t, t.input()),
                      tokens(t, t.output()),
                      money(t)
                    }));
    Table.write(out, rows);
    TreeSet<String> packages = new TreeSet<>();
    v.byModelPackage().values().forEach(p -> packages.addAll(p.keySet()));
    if (packages.size() > 1 || !packages.contains("(none)")) {
      out.append("\nPer package, passed of executed:\n");
      List<String[]> prow = new ArrayList<>();
      List<String> header = new ArrayList<>(List.of("PACKAGE"));
      header.addAll(v.byModel().keySet());
      prow.add(header.toArray(String[]::new));
      for (String p : packages) {
        List<String> row = new ArrayList<>(List.of(p));
        for (String m : v.byModel().keySet()) {
          EvalTally t = v.byModelPackage().get(m).get(p);
          row.add(
              t == null
                  ? "-"
                  : passedOf(t) + " (" + Numbers.percent(t.passed(), t.executed()) + ")");
        }
        prow.add(row.toArray(String[]::new));
      }
      Table.write(out, prow);
    }
    return out.append(footer(v)).toString();
  }

  private static String headline(EvalView v) {
    EvalTally t = v.total();
    String head = v.title();
    if (v.runs().size() == 1) {
      head = "Run " + v.runs().get(0).id() + " (project " + v.runs().get(0).project() + ")";
    }
    return head
        + ": "
        + Numbers.count(t.samples(), "sample", "samples")
        + ", "
        + Numbers.count(t.executed())
        + " executed, "
        + passedOf(t)
        + " passed ("
        + Numbers.percent(t.passed(), t.executed())
        + ")\n";
  }

  private static void table(
      StringBuilder out, String key, Map<String, EvalTally> groups, EvalTally total) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          key, "PASSED OF EXECUTED", "RATE", "SKIPPED", "TIME", "TOKENS IN", "CACHED", "OUT", "COST"
        });
    groups.forEach((k, t) -> rows.add(row(k, t)));
    if (total != null && groups.size() > 1) {
      rows.add(row("TOTAL", total));
    }
    Table.write(out, rows);
  }

  private static String[] row(String k, EvalTally t) {
    return new String[] {
      k,
      passedOf(t),
      Numbers.percent(t.passed(), t.executed()),
      Numbers.count(t.skipped()),
      time(t),
      tokens(t, t.input()),
      tokens(t, t.cached()),
      tokens(t, t.output()),
      money(t)
    };
  }

  private static void costTable(
      StringBuilder out, String key, Map<String, EvalTally> groups, EvalTally total) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          key, "SAMPLES", "INPUT", "CACHED", "OUTPUT", "COST (USD)", "FROM", "NOT PRICED"
        });
    groups.forEach((k, t) -> rows.add(costRow(k, t)));
    if (total != null) {
      rows.add(costRow("TOTAL", total));
    }
    Table.write(out, rows);
  }

  private static String[] costRow(String k, EvalTally t) {
    long unpriced = t.noPrice() + t.noTokens();
    return new String[] {
      k,
      Numbers.count(t.samples()),
      tokens(t, t.input()),
      tokens(t, t.cached()),
      tokens(t, t.output()),
      money(t),
      t.costSource(),
      unpriced == 0 ? "" : unpriced(t)
    };
  }

  private static String unpriced(EvalTally t) {
    List<String> parts = new ArrayList<>();
    if (t.noPrice() > 0) {
      parts.add(Numbers.count(t.noPrice()) + " no price");
    }
    if (t.noTokens() > 0) {
      parts.add(Numbers.count(t.noTokens()) + " no tokens");
    }
    return String.join(", ", parts);
  }

  private static String footer(EvalView v) {
    StringBuilder out = new StringBuilder("\n");
    EvalTally t = v.total();
    if (!t.unpricedModels().isEmpty()) {
      out.append("No price: ")
          .append(String.join(", ", t.unpricedModels()))
          .append(" (")
          .append(Numbers.count(t.noPrice(), "sample", "samples"))
          .append("); not in any cost above, never guessed. Add the model with --prices FILE.\n");
    }
    if (t.costGiven() > 0) {
      out.append("Cost given in the data (cost.usd) is used as given for ")
          .append(Numbers.count(t.costGiven(), "sample", "samples"))
          .append("; computed from tokens only where the data gives none.\n");
    }
    if (t.costComputed() > 0) {
      List<String> dated = new ArrayList<>();
      new TreeSet<>(v.byModel().keySet())
          .forEach(m -> v.prices().of(m).ifPresent(p -> dated.add(m + " of " + p.date())));
      out.append("Computed with ")
          .append(v.prices().source())
          .append(", USD per million tokens: ")
          .append(String.join(", ", dated))
          .append(". Prices change: check the provider's page.\n");
    }
    return out.toString();
  }

  static String passedOf(EvalTally t) {
    return Numbers.count(t.passed()) + " of " + Numbers.count(t.executed());
  }

  private static String time(EvalTally t) {
    return t.timed() == 0 ? "-" : Numbers.duration(Duration.ofNanos(t.micros() * 1000));
  }

  private static String tokens(EvalTally t, long n) {
    return t.withTokens() == 0 ? "-" : Numbers.count(n);
  }

  static String money(EvalTally t) {
    if (t.costGiven() + t.costComputed() == 0) {
      return t.noPrice() > 0 ? "no price" : "-";
    }
    return String.format(Locale.ROOT, "%.4f", t.cost());
  }
}
