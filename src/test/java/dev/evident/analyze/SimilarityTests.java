package dev.evident.analyze;

import static dev.evident.analyze.Failures.assertion;
import static dev.evident.analyze.Failures.missingModule;
import static dev.evident.analyze.Failures.missingSetting;
import static dev.evident.analyze.Failures.mochaTimeout;
import static dev.evident.analyze.Failures.redis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evident.model.Failure;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The threshold, with the cases on both sides of it. */
class SimilarityTests {

  private static double similarity(Failure a, Failure b) {
    return Similarity.of(Fingerprint.of(a).text(), Fingerprint.of(b).text());
  }

  static Stream<Arguments> oneCause() {
    return Stream.of(
        Arguments.of(
            "redis on another host (one token of twelve differs): 0.83",
            redis("localhost", 6381, "test_reads"),
            redis("redis-ci", 6381, "test_writes"),
            0.83),
        Arguments.of(
            "a timeout in another test file (one of twenty-two): 0.91",
            mochaTimeout("/app/test/api.test.js"),
            mochaTimeout("/app/test/cart.test.js"),
            0.91),
        Arguments.of(
            "other ports, pids, line numbers and tests: normalised, 1.0",
            redis("localhost", 6381, "test_reads"),
            redis("localhost", 32768, "test_writes"),
            1.0));
  }

  static Stream<Arguments> differentCauses() {
    return Stream.of(
        Arguments.of(
            "another missing setting in the same code: 0.6",
            missingSetting("DATABASE_URL"),
            missingSetting("REDIS_URL"),
            0.6),
        Arguments.of(
            "another missing module imported from the same file: 0.67",
            missingModule("requests"),
            missingModule("numpy"),
            0.67),
        Arguments.of(
            "the same assertion message in another test: 0.67",
            assertion("CartTest", "totals", 3, 4),
            assertion("PriceTest", "rounds", 3, 4),
            0.67),
        Arguments.of(
            "another failure type: 0",
            redis("localhost", 6381, "test_reads"),
            new Failure("TimeoutError", redis("localhost", 6381, "t").message(), ""),
            0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneCause")
  void nearDuplicatesOfOneCauseReachTheThreshold(
      String name, Failure one, Failure other, double expected) {
    double similarity = similarity(one, other);

    assertThat(similarity).isCloseTo(expected, within(0.01));
    assertThat(similarity).isGreaterThanOrEqualTo(Similarity.THRESHOLD);
    assertThat(Similarity.similar(Fingerprint.of(one).text(), Fingerprint.of(other).text()))
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("differentCauses")
  void differentCausesStayBelowTheThreshold(
      String name, Failure one, Failure other, double expected) {
    double similarity = similarity(one, other);

    assertThat(similarity).isCloseTo(expected, within(0.01));
    assertThat(similarity).isLessThan(Similarity.THRESHOLD);
  }

  @Test
  void isSymmetricAndOneForEqualTexts() {
    String a = Fingerprint.of(redis("localhost", 1, "a")).text();
    String b = Fingerprint.of(redis("redis-ci", 1, "a")).text();

    assertThat(Similarity.of(a, b)).isEqualTo(Similarity.of(b, a));
    assertThat(Similarity.of(a, a)).isEqualTo(1.0);
  }

  @Test
  void tokensAreLowerCaseWordsOfMessageAndCauseAndWholeFrames() {
    assertThat(
            Similarity.tokens(
                "KeyError\n'DATABASE_URL' missing.\nKeyError: 'DATABASE_URL'\nos.py:__getitem__"))
        .containsExactly("database_url", "missing", "keyerror", "@os.py:__getitem__");
  }
}
