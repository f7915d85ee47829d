package dev.evident.verify;

/** The verdict on one claim. */
public enum Verdict {
  /** The evidence agrees with every number and statement of the claim. */
  SUPPORTED,
  /** The evidence disagrees with the claim. */
  CONTRADICTED,
  /** The report disagrees with itself: the claim's own arithmetic, or another claim. */
  INCONSISTENT,
  /** Nothing in the evidence speaks to the claim. */
  UNVERIFIABLE
}
