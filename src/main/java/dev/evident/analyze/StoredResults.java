package dev.evident.analyze;

import dev.evident.model.Outcome;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.util.Collection;
import java.util.Map;

/**
 * The read-only queries the history analyses (suspicious tests, progress) make of stored runs. A
 * test is named by its ref, stable across the runs of a project. Implementations call visitors on
 * the calling thread.
 */
public interface StoredResults {

  /** Hands every result of a run to {@code visitor}: ref, outcome, microseconds (-1: unknown). */
  void results(long runId, ResultVisitor visitor);

  /** The identities of tests by their refs; unknown refs are left out. */
  Map<Long, TestId> tests(Collection<Long> refs);

  /** Hands the facts (source file, tags, properties) of every result of a run that has any. */
  void facts(long runId, FactsVisitor visitor);

  /** Receives results. */
  @FunctionalInterface
  interface ResultVisitor {
    void accept(long ref, Outcome outcome, long micros);
  }

  /** Receives facts. */
  @FunctionalInterface
  interface FactsVisitor {
    void accept(long ref, TestFacts facts);
  }
}
