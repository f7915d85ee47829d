package dev.evident.model;

import java.util.Objects;

/**
 * A label a failure inherits: given to a failure with the same fingerprint ({@code similarity} 1),
 * or to a similar one (the similarity of the two normalised texts).
 *
 * @param label the label, with its source (run, test, note)
 * @param exact whether the fingerprints are equal
 * @param similarity how similar the failure is to the labelled one, in [0, 1]
 */
public record LabelMatch(FailureLabel label, boolean exact, double similarity) {

  public LabelMatch {
    Objects.requireNonNull(label, "label");
    if (!(similarity >= 0 && similarity <= 1)) {
      throw new IllegalArgumentException("similarity must be in [0, 1]: " + similarity);
    }
  }
}
