package dev.evident.verify;

/** How a number was stated: exactly, roughly, or as a lower or upper bound. */
public enum Bound {
  EXACT(""),
  /** "~95%", "about 100": within a tolerance. */
  APPROX("~"),
  /** "at least 100", "100+". */
  AT_LEAST(">="),
  /** "over 100", "more than 100". */
  MORE_THAN(">"),
  /** "up to 10". */
  AT_MOST("<="),
  /** "under 10", "fewer than 10". */
  LESS_THAN("<"),
  /** "nearly 100", "almost 100": a little below, or equal. */
  NEARLY("~<=");

  private final String sign;

  Bound(String sign) {
    this.sign = sign;
  }

  public String sign() {
    return sign;
  }

  static Bound of(String words) {
    if (words == null || words.isBlank()) {
      return EXACT;
    }
    String w = words.strip().toLowerCase(java.util.Locale.ROOT);
    if (w.startsWith("≥") || w.startsWith(">=")) {
      return AT_LEAST;
    }
    if (w.startsWith("≤") || w.startsWith("<=")) {
      return AT_MOST;
    }
    if (w.startsWith(">")) {
      return MORE_THAN;
    }
    if (w.startsWith("<")) {
      return LESS_THAN;
    }
    if (w.startsWith("~")
        || w.startsWith("≈")
        || w.startsWith("about")
        || w.startsWith("approx")
        || w.startsWith("around")
        || w.startsWith("roughly")) {
      return APPROX;
    }
    if (w.startsWith("nearly") || w.startsWith("almost")) {
      return NEARLY;
    }
    if (w.startsWith("over") || w.startsWith("more than")) {
      return MORE_THAN;
    }
    if (w.startsWith("at least")) {
      return AT_LEAST;
    }
    if (w.startsWith("up to")) {
      return AT_MOST;
    }
    if (w.startsWith("under") || w.startsWith("fewer than") || w.startsWith("less than")) {
      return LESS_THAN;
    }
    return EXACT;
  }
}
