package dev.evident.analyze;

import dev.evident.model.Outcome;

/**
 * One test's results in the two runs compared.
 *
 * @param test the test's key (the store's test ref)
 * @param before its outcome in the base, or null when it was not there
 * @param after its outcome in the head, or null when it is not there
 * @param beforeMicros its duration in the base in microseconds, -1 when unknown or absent
 * @param afterMicros its duration in the head in microseconds, -1 when unknown or absent
 */
public record TestChange(
    long test, Outcome before, Outcome after, long beforeMicros, long afterMicros) {

  /** How much longer the head took, in microseconds (negative: shorter); 0 when not both known. */
  public long deltaMicros() {
    return beforeMicros < 0 || afterMicros < 0 ? 0 : afterMicros - beforeMicros;
  }
}
