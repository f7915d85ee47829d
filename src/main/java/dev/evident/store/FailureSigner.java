package dev.evident.store;

/**
 * How the failure index describes and compares failures. The analysis supplies it (the store may
 * not use the analysis layer), so that the index, the grouper and inherited labels agree on one
 * fingerprint and one similarity. Implementations are thread safe.
 */
public interface FailureSigner {

  /**
   * The version of the rules behind {@link #sign}: when it differs from the one an index was built
   * with, the index is rebuilt.
   */
  String version();

  /** The fingerprint, category and normalised text of a stored failure. */
  Signature sign(StoredFailure failure, String runner);

  /** How similar two normalised texts are, in [0, 1]. */
  double similarity(String text, String other);

  /** The similarity from which two failures share a cause. */
  double threshold();

  /** The words of a normalised text to search by, separated by spaces. */
  String searchText(String text);

  /**
   * The part of a normalised text that every similar text has too (the failure type): the index
   * searches only among texts with the same.
   */
  String type(String text);

  /**
   * What the index keeps about a failure.
   *
   * @param fingerprint the fingerprint id (lower-case hex)
   * @param category the category id, or empty when not classified
   * @param text the normalised text
   */
  record Signature(String fingerprint, String category, String text) {}
}
