package dev.evident.model;

import java.util.List;
import java.util.Objects;

/**
 * Where result files were found, below the directory or glob that found them, and the suites they
 * hold: {@code ledger-core/target/surefire-reports} holds {@code com.acme.LedgerTest}. The
 * directories name parts of a run that no result file names (a Maven or Gradle module, the {@code
 * backend} and {@code web} of one run), so that a report can speak of them.
 *
 * @param place the directory, '/'-separated, never empty
 * @param suites the suites read from the files there
 */
public record ResultPlace(String place, List<String> suites) {

  public ResultPlace {
    Objects.requireNonNull(place, "place");
    suites = List.copyOf(suites);
  }
}
