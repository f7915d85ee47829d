package dev.evident.verify;

import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.List;
import java.util.Objects;

/**
 * One test's result in a run, with what a claim's subject may name it by.
 *
 * @param id the test's identity
 * @param outcome its outcome
 * @param file the source file the format named, or empty
 * @param tags its tags or markers
 * @param places the directories of the result files its suite was read from, below the directory
 *     that was ingested ({@code ledger-core/target/surefire-reports}), or none
 */
public record TestEvidence(
    TestId id, Outcome outcome, String file, List<String> tags, List<String> places) {

  public TestEvidence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    file = file == null ? "" : file;
    tags = List.copyOf(tags);
    places = List.copyOf(places);
  }

  public TestEvidence(TestId id, Outcome outcome, String file, List<String> tags) {
    this(id, outcome, file, tags, List.of());
  }
}
