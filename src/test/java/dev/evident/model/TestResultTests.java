package dev.evident.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestResultTests {

  private static final TestId ID = new TestId("pkg.Suite", "works");

  private static TestResult result(Outcome outcome, String message) {
    return TestResult.of(ID, outcome, Duration.ofMillis(5))
        .with(outcome, message == null ? Failure.NONE : new Failure("E", message, ""));
  }

  @Test
  void aFailureFollowedByAPassIsFlakyWithBothAttemptsKept() {
    TestResult merged = result(Outcome.FAILED, "boom").followedBy(result(Outcome.PASSED, null));

    assertThat(merged.outcome()).isEqualTo(Outcome.FLAKY);
    assertThat(merged.attempts()).isEqualTo(2);
    assertThat(merged.failure().message()).isEqualTo("boom");
  }

  @Test
  void aPassFollowedByAFailureStaysFailed() {
    TestResult merged = result(Outcome.PASSED, null).followedBy(result(Outcome.FAILED, "late"));

    assertThat(merged.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(merged.earlierAttempts())
        .extracting(Attempt::outcome)
        .containsExactly(Outcome.PASSED);
  }

  @Test
  void repeatedFailuresStayFailedWithEveryAttempt() {
    TestResult merged =
        result(Outcome.FAILED, "one")
            .followedBy(result(Outcome.FAILED, "two"))
            .followedBy(result(Outcome.FAILED, "three"));

    assertThat(merged.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(merged.attempts()).isEqualTo(3);
    assertThat(merged.failure().message()).isEqualTo("three");
  }

  @Test
  void aSkippedRepeatDoesNotHideAnExecutedOutcome() {
    TestResult merged = result(Outcome.FAILED, "real").followedBy(result(Outcome.SKIPPED, null));

    assertThat(merged.outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void testIdsSplitParametersAndKeyByAllThreeParts() {
    TestId id = TestId.parse("tests.test_math", "test_add[1-2]");

    assertThat(id.name()).isEqualTo("test_add");
    assertThat(id.parameters()).isEqualTo("1-2");
    assertThat(id.key()).isEqualTo(new TestId("tests.test_math", "test_add", "1-2").key());
    assertThat(id.key()).isNotEqualTo(TestId.parse("tests.test_math", "test_add[1-3]").key());
    assertThat(new TestId("a", "bc").key()).isNotEqualTo(new TestId("ab", "c").key());
    assertThat(TestId.parse("s", "[odd]").name()).isEqualTo("[odd]");
  }

  @Test
  void anIdentityKeyIsTheSameComputedWholeOrFromItsSuitesPart() {
    TestId id = new TestId("com.acme.CartTest", "addsItems", "2-x");

    // Keys are recomputed from stored names on every ingest: they must never change.
    assertThat(id.key()).isEqualTo(-9024442606621976237L);
    assertThat(new TestId("", "x", "").key()).isEqualTo(-4066450993990636220L);
    assertThat(TestId.key(TestId.suiteKey("com.acme.CartTest"), "addsItems", "2-x"))
        .isEqualTo(id.key());
    assertThat(TestId.key(TestId.suiteKey("com.acme.CartTest"), "addsItems", "2-y"))
        .isNotEqualTo(id.key());
  }
}
