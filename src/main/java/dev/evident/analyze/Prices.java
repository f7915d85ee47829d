package dev.evident.analyze;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A price table: US dollars per million tokens by model. A model is found by its exact name
 * (ignoring case), else by the part after its last {@code /} ({@code openai/gpt-4o} is {@code
 * gpt-4o}); any other model has no price, never a guessed one.
 *
 * @param models prices by model name, lower case
 * @param source where the table came from, for the reader of a report
 */
public record Prices(Map<String, Price> models, String source) {

  /**
   * The price of one model.
   *
   * @param input dollars per million input tokens not read from a cache
   * @param cachedInput dollars per million input tokens read from a cache
   * @param output dollars per million output tokens
   * @param date the date the price was taken from the provider
   * @param note where it comes from or what it leaves out
   */
  public record Price(double input, double cachedInput, double output, String date, String note) {
    public Price {
      Objects.requireNonNull(date, "date");
      note = note == null ? "" : note;
    }
  }

  public Prices {
    TreeMap<String, Price> lower = new TreeMap<>();
    models.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    models = java.util.Collections.unmodifiableMap(lower);
    Objects.requireNonNull(source, "source");
  }

  public Optional<Price> of(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    Price p = models.get(m);
    if (p == null && m.lastIndexOf('/') >= 0) {
      p = models.get(m.substring(m.lastIndexOf('/') + 1));
    }
    return Optional.ofNullable(p);
  }

  /**
   * The cost of a sample's tokens, or empty when its model has no price or it gives no tokens.
   * Cached tokens are part of the input tokens and priced at the cached rate.
   */
  public Optional<Double> cost(EvalSample s) {
    if (!s.hasTokens()) {
      return Optional.empty();
    }
    return of(s.model())
        .map(
            p -> {
              long in = Math.max(0, s.input());
              long cached = Math.min(Math.max(0, s.cached()), in);
              long out = Math.max(0, s.output());
              return ((in - cached) * p.input() + cached * p.cachedInput() + out * p.output())
                  / 1_000_000.0;
            });
  }

  /** A table with {@code override}'s models replacing or added to this one's. */
  public Prices with(Prices override) {
    TreeMap<String, Price> merged = new TreeMap<>(models);
    merged.putAll(override.models);
    return new Prices(merged, source + ", overridden by " + override.source);
  }
}
