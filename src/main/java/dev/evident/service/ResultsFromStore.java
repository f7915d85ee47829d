package dev.evident.service;

import dev.evident.analyze.StoredResults;
import dev.evident.model.TestId;
import dev.evident.store.ResultStore;
import java.util.Collection;
import java.util.Map;

/** The history analyses' queries, answered by a store. */
record ResultsFromStore(ResultStore store) implements StoredResults {

  @Override
  public void results(long runId, ResultVisitor visitor) {
    store.results(runId, visitor::accept);
  }

  @Override
  public Map<Long, TestId> tests(Collection<Long> refs) {
    return store.tests(refs);
  }

  @Override
  public void facts(long runId, FactsVisitor visitor) {
    store.facts(runId, visitor::accept);
  }
}
