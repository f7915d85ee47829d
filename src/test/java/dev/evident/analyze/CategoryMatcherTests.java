package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.TestCategory;
import dev.evident.model.TestFacts;
import dev.evident.model.TestId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryMatcherTests {

  private static TestCategory.Match suites(String... globs) {
    return new TestCategory.Match(List.of(globs), List.of(), List.of(), List.of());
  }

  private static boolean matches(TestCategory.Match match, TestId id, TestFacts facts) {
    return CategoryMatcher.of(List.of(new TestCategory("c", match, TestCategory.Target.NONE)))
            .match(id, facts)
            .length
        == 1;
  }

  @ParameterizedTest(name = "suite {0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          com.acme.it.*     | com.acme.it.PayIT         | true
          com.acme.it.*     | com.acme.it.sub.PayIT     | true
          com.acme.it.*     | com.acme.unit.PayTest     | false
          *IT               | com.acme.PayIT            | true
          *IT               | com.acme.PayITCase        | false
          com.acme.?ay*     | com.acme.PayTest          | true
          com.acme.PayTest  | com.acme.PayTest          | true
          com.acme.PayTest  | com.acme.paytest          | false
          a+b(c)            | a+b(c)                    | true
          """)
  void aSuiteGlobMatchesAnyCharactersForAStarAndIsCaseSensitive(
      String glob, String suite, boolean expected) {
    assertThat(matches(suites(glob), new TestId(suite, "t"), TestFacts.NONE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "path {0} matches suite {1} / file {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tests/integration/**  | tests/integration/test_api.py  |                                      | true
          tests/integration/**  | tests.integration.test_api     |                                      | true
          tests/integration/**  | TestApi                        | /ci/work/tests/integration/test_a.py | true
          tests/integration/**  | TestApi                        | ./tests/integration/test_a.py        | true
          tests/integration/**  | TestApi                        | tests\\integration\\test_a.py         | true
          tests/integration/**  | tests.unit.test_api            |                                      | false
          tests/*.py            | tests/sub/test_api.py          |                                      | false
          tests/**/test_*.py    | tests/test_api.py              |                                      | true
          /abs/tests/**         | tests/test_api.py              | /ci/abs/tests/test_api.py            | false
          com/acme/unit/**      | com.acme.unit.Unit1Test        |                                      | true
          """)
  void aPathGlobMatchesTheSourceFileOrASuiteThatIsAPathOrADottedName(
      String glob, String suite, String file, boolean expected) {
    TestCategory.Match match =
        new TestCategory.Match(List.of(), List.of(glob), List.of(), List.of());
    TestFacts facts = new TestFacts(file, List.of(), Map.of());
    assertThat(matches(match, new TestId(suite, "t"), facts)).isEqualTo(expected);
  }

  @Test
  void tagsCompareWithoutCaseAndPropertiesByNameAndValueGlob() {
    TestCategory.Match tagged =
        new TestCategory.Match(List.of(), List.of(), List.of("Integration", "slow*"), List.of());
    TestCategory.Match property =
        new TestCategory.Match(List.of(), List.of(), List.of(), List.of("team=pay*", "owner"));
    TestId id = new TestId("S", "t");

    assertThat(matches(tagged, id, new TestFacts(null, List.of("integration"), Map.of()))).isTrue();
    assertThat(matches(tagged, id, new TestFacts(null, List.of("SlowTests"), Map.of()))).isTrue();
    assertThat(matches(tagged, id, new TestFacts(null, List.of("unit"), Map.of()))).isFalse();
    assertThat(matches(tagged, id, TestFacts.NONE)).isFalse();
    assertThat(matches(property, id, new TestFacts(null, List.of(), Map.of("team", "payments"))))
        .isTrue();
    assertThat(matches(property, id, new TestFacts(null, List.of(), Map.of("team", "search"))))
        .isFalse();
    assertThat(matches(property, id, new TestFacts(null, List.of(), Map.of("owner", "")))).isTrue();
  }

  @Test
  void everyKindGivenMustMatchAndATestCanBeInSeveralCategories() {
    TestCategory both =
        new TestCategory(
            "pay-smoke",
            new TestCategory.Match(
                List.of("com.acme.pay.*"), List.of(), List.of("smoke"), List.of()),
            TestCategory.Target.NONE);
    TestCategory pay = new TestCategory("pay", suites("com.acme.pay.*"), TestCategory.Target.NONE);
    TestCategory other = new TestCategory("other", suites("org.*"), TestCategory.Target.NONE);
    CategoryMatcher matcher = CategoryMatcher.of(List.of(both, pay, other));
    TestId id = new TestId("com.acme.pay.CardTest", "charges");

    assertThat(Arrays.stream(matcher.match(id, TestFacts.NONE)).boxed()).containsExactly(1);
    assertThat(
            Arrays.stream(matcher.match(id, new TestFacts(null, List.of("smoke"), Map.of())))
                .boxed())
        .containsExactly(0, 1);
    assertThat(matcher.needsFacts()).isTrue();
    assertThat(CategoryMatcher.of(List.of(pay, other)).needsFacts()).isFalse();
  }
}
