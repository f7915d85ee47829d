package dev.evident.analyze;

import dev.evident.model.Diagnosis;

/**
 * Gives a failure its root-cause category, confidence, evidence, entities and remediation.
 * Implementations are thread safe and fast (tens of thousands of texts a second).
 */
public interface Classifier {

  Diagnosis classify(FailureInput failure);
}
