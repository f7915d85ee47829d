package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The results blob gives back exactly what was put in, in any order of ordinals. */
class SuiteResultsProperties {

  record Entry(int ordinal, Outcome outcome, long micros) {}

  @Property(tries = 200)
  void decodingAnEncodedSuiteGivesBackEveryResult(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 16_777_215) Integer> ordinals,
      @ForAll @Size(max = 300) List<Outcome> outcomes,
      @ForAll @Size(max = 300) List<@IntRange(min = -1, max = 2_000_000_000) Integer> durations) {
    Set<Integer> distinct = new LinkedHashSet<>(ordinals);
    List<Entry> expected = new ArrayList<>();
    SuiteResults suite = new SuiteResults(7);
    int i = 0;
    for (int ordinal : distinct) {
      Outcome outcome = outcomes.isEmpty() ? Outcome.PASSED : outcomes.get(i % outcomes.size());
      long micros = durations.isEmpty() ? -1 : durations.get(i % durations.size());
      suite.add(ordinal, outcome, micros, 0);
      expected.add(new Entry(ordinal, outcome, micros));
      i++;
    }

    List<Entry> decoded = new ArrayList<>();
    SuiteResults.decode(
        suite.encode(), (o, outcome, micros) -> decoded.add(new Entry(o, outcome, micros)));

    assertThat(decoded).containsExactlyElementsOf(expected);
  }
}
