package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * Where every category of tests stands in a run against its target.
 *
 * @param run the run
 * @param history the runs the figures over time come from, oldest first, ending with {@code run}
 * @param categories the declared categories, in the order of the file
 * @param uncategorised the tests in no category
 * @param inSeveral tests of the run that are in more than one category (counted in each)
 */
public record ProgressReport(
    Run run,
    List<Run> history,
    List<CategoryProgress> categories,
    CategoryProgress uncategorised,
    long inSeveral) {

  public ProgressReport {
    Objects.requireNonNull(run, "run");
    history = List.copyOf(history);
    categories = List.copyOf(categories);
    Objects.requireNonNull(uncategorised, "uncategorised");
  }

  /** The categories that have a target. */
  public long withTarget() {
    return categories.stream().filter(CategoryProgress::hasTarget).count();
  }

  /** The categories whose target is met. */
  public long met() {
    return categories.stream().filter(CategoryProgress::met).count();
  }
}
