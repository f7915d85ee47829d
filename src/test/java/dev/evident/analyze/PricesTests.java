package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evident.model.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricesTests {

  private final Prices prices =
      new Prices(Map.of("GPT-X", new Prices.Price(2.0, 0.5, 8.0, "2026-01-01", "")), "test table");

  private static EvalSample sample(String model, long in, long out, long cached, Double cost) {
    return new EvalSample(1, "s", model, "", "p", Outcome.PASSED, -1, in, out, cached, cost);
  }

  @Test
  void cachedTokensArePartOfTheInputAndPricedAtTheCachedRate() {
    // 600 uncached x 2.00 + 400 cached x 0.50 + 100 out x 8.00, per million
    assertThat(prices.cost(sample("gpt-x", 1000, 100, 400, null)).orElseThrow())
        .isCloseTo((1200 + 200 + 800) / 1e6, within(1e-12));
  }

  @Test
  void aModelIsFoundByNameIgnoringCaseOrAfterItsProviderPrefixAndOtherwiseHasNoPrice() {
    assertThat(prices.of("openai/gpt-x")).isPresent();
    assertThat(prices.of("gpt-x-2")).isEmpty();
    assertThat(prices.cost(sample("gpt-x-2", 1000, 0, 0, null))).isEmpty();
  }

  @Test
  void costGivenInTheDataWinsOverTheComputedOne() {
    EvalTally t =
        EvalGroups.total(
            java.util.List.of(
                sample("gpt-x", 1_000_000, 0, 0, 0.1), sample("gpt-x", 1_000_000, 0, 0, null)),
            prices);
    assertThat(t.givenCost()).isCloseTo(0.1, within(1e-12));
    assertThat(t.computedCost()).isCloseTo(2.0, within(1e-12));
    assertThat(t.costSource()).isEqualTo("data 1, computed 1");
  }

  @Test
  void theShippedTableDatesEveryPrice() {
    Prices shipped = dev.evident.service.PriceTables.shipped();
    assertThat(shipped.models()).isNotEmpty();
    assertThat(shipped.models().values()).allMatch(p -> p.date().matches("\\d{4}-\\d{2}-\\d{2}"));
  }
}
