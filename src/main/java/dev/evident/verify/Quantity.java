package dev.evident.verify;

import java.util.Objects;

/**
 * One stated number: what it measures, its value, how it was bounded, and for rates the number of
 * decimals it was written with (the rounding it allows).
 *
 * @param measure what the number counts
 * @param value the number
 * @param bound exact, approximate or a bound
 * @param decimals decimals as written ("5.6%": 1)
 * @param label for {@link Measure#OTHER}, what is counted ("issues resolved"); {@link
 *     CountParser#OF} for tests that are a fraction's denominator; else empty
 */
public record Quantity(Measure measure, double value, Bound bound, int decimals, String label) {

  public Quantity {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(bound, "bound");
    label = label == null ? "" : label;
  }

  static Quantity exact(Measure measure, double value) {
    return new Quantity(measure, value, Bound.EXACT, 0, "");
  }

  /** The key in JSON objects: the measure's key, or the label of an {@link Measure#OTHER}. */
  public String key() {
    return measure == Measure.OTHER ? label : measure.key();
  }

  /** The value as written: "5.6%", ">100", "~95%". */
  public String display() {
    String number =
        Double.isInfinite(value)
            ? "∞"
            : decimals == 0 && value == Math.rint(value)
                ? String.format(java.util.Locale.ROOT, "%,d", (long) value)
                : String.format(java.util.Locale.ROOT, "%." + Math.max(decimals, 1) + "f", value);
    return bound.sign() + number + (measure.isRate() ? "%" : "");
  }

  /** The value for JSON: a whole number when it is one. */
  Object jsonValue() {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    Object number = value == Math.rint(value) ? (Object) (long) value : (Object) value;
    return bound == Bound.EXACT ? number : bound.sign() + number;
  }
}
