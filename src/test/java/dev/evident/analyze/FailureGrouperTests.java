package dev.evident.analyze;

import static dev.evident.analyze.Failures.assertion;
import static dev.evident.analyze.Failures.diagnosis;
import static dev.evident.analyze.Failures.failed;
import static dev.evident.analyze.Failures.missingModule;
import static dev.evident.analyze.Failures.missingSetting;
import static dev.evident.analyze.Failures.redis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Category;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FailureGrouperTests {

  private final FailureGrouper grouper = new FailureGrouper();

  @Test
  void groupsFailuresWithTheSameFingerprintAndSaysWhatTheGroupIs() {
    List<TestFailure> failures =
        List.of(
            failed(
                "test_reads", redis("localhost", 6381, "test_reads"), Category.SERVICE_UNAVAILABLE),
            failed("totals", assertion("CartTest", "totals", 3, 4), Category.ASSERTION_FAILURE),
            failed(
                "test_writes",
                redis("localhost", 6382, "test_writes"),
                Category.SERVICE_UNAVAILABLE),
            failed(
                "test_drops",
                redis("localhost", 6382, "test_drops"),
                Category.SERVICE_UNAVAILABLE));

    List<FailureGroup> groups = grouper.group(failures);

    assertThat(groups).hasSize(2);
    FailureGroup redis = groups.get(0);
    assertThat(redis.count()).isEqualTo(3);
    assertThat(redis.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(redis.tests())
        .extracting(TestId::name)
        .containsExactly("test_reads", "test_writes", "test_drops");
    assertThat(redis.message())
        .isEqualTo(
            "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6382. Connection refused.");
    assertThat(redis.fingerprints()).containsExactly(redis.id());
    assertThat(redis.id()).isEqualTo(Fingerprint.of(failures.get(0).failure()).id());
    assertThat(redis.text()).isEqualTo(Fingerprint.of(failures.get(0).failure()).text());
    assertThat(redis.seen()).isNull();
    assertThat(groups.get(1).tests()).extracting(TestId::name).containsExactly("totals");
  }

  @Test
  void mergesNearDuplicatesIntoTheGroupOfTheLargerFingerprint() {
    List<TestFailure> failures =
        List.of(
            failed("a", redis("redis-ci", 6381, "a"), Category.SERVICE_UNAVAILABLE),
            failed("b", redis("localhost", 6381, "b"), Category.SERVICE_UNAVAILABLE),
            failed("c", redis("localhost", 6381, "c"), Category.SERVICE_UNAVAILABLE));

    List<FailureGroup> groups = grouper.group(failures);

    assertThat(groups).singleElement();
    FailureGroup group = groups.get(0);
    String localhost = Fingerprint.of(failures.get(1).failure()).id();
    String ci = Fingerprint.of(failures.get(0).failure()).id();
    assertThat(group.id()).isEqualTo(localhost);
    assertThat(group.fingerprints()).containsExactly(localhost, ci);
    assertThat(group.tests()).extracting(TestId::name).containsExactly("a", "b", "c");
  }

  @Test
  void keepsDifferentCausesApartThoughTheyLookAlike() {
    List<TestFailure> failures =
        List.of(
            failed("a", missingSetting("DATABASE_URL"), Category.CONFIGURATION_MISSING),
            failed("b", missingSetting("REDIS_URL"), Category.CONFIGURATION_MISSING),
            failed("c", missingModule("requests"), Category.MISSING_DEPENDENCY),
            failed("d", missingModule("numpy"), Category.MISSING_DEPENDENCY),
            failed("e", assertion("CartTest", "totals", 3, 4), Category.ASSERTION_FAILURE),
            failed("f", assertion("PriceTest", "rounds", 3, 4), Category.ASSERTION_FAILURE));

    assertThat(grouper.group(failures)).hasSize(6).allSatisfy(g -> assertThat(g.count()).isOne());
  }

  @Test
  void mergesNearDuplicatesOnlyWithinOneCategory() {
    List<TestFailure> failures =
        List.of(
            failed("a", redis("redis-ci", 6381, "a"), Category.SERVICE_UNAVAILABLE),
            failed("b", redis("localhost", 6381, "b"), Category.CONFIGURATION_MISSING));

    assertThat(grouper.group(failures)).hasSize(2);
  }

  @Test
  void takesTheCategoryMostFailuresHaveAndItsMostConfidentDiagnosis() {
    Failure refused = redis("localhost", 6381, "t");
    List<TestFailure> failures =
        List.of(
            new TestFailure(
                new TestId("s", "a"),
                Outcome.ERRORED,
                refused,
                diagnosis(Category.SERVICE_UNAVAILABLE, 0.7)),
            new TestFailure(
                new TestId("s", "b"), Outcome.ERRORED, refused, diagnosis(Category.OTHER, 0.2)),
            new TestFailure(
                new TestId("s", "c"),
                Outcome.FLAKY,
                refused,
                diagnosis(Category.SERVICE_UNAVAILABLE, 0.95)));

    FailureGroup group = grouper.group(failures).get(0);

    assertThat(group.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(group.diagnosis().confidence()).isEqualTo(0.95);
    assertThat(group.count()).isEqualTo(3);
  }

  @Test
  void ordersGroupsByHowManyTestsTheyAffect() {
    List<TestFailure> failures = new ArrayList<>();
    failures.add(failed("x", missingModule("requests"), Category.MISSING_DEPENDENCY));
    for (int i = 0; i < 3; i++) {
      failures.add(
          failed("r" + i, redis("localhost", 6381, "r" + i), Category.SERVICE_UNAVAILABLE));
    }
    failures.add(failed("y", missingSetting("REDIS_URL"), Category.CONFIGURATION_MISSING));
    failures.add(failed("z", missingSetting("REDIS_URL"), Category.CONFIGURATION_MISSING));

    assertThat(grouper.group(failures))
        .extracting(FailureGroup::count, FailureGroup::category)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, Category.SERVICE_UNAVAILABLE),
            org.assertj.core.groups.Tuple.tuple(2, Category.CONFIGURATION_MISSING),
            org.assertj.core.groups.Tuple.tuple(1, Category.MISSING_DEPENDENCY));
  }

  @Test
  void returnsNoGroupsForNoFailures() {
    assertThat(grouper.group(List.of())).isEmpty();
  }

  /**
   * The prefix filter must not miss a pair: the grouper finds the same groups as comparing every
   * fingerprint with every representative, on texts made to be near duplicates of each other.
   */
  @Test
  void findsTheSameGroupsAsComparingEveryPair() {
    Random random = new Random(7);
    List<String> words = new ArrayList<>();
    for (int w = 0; w < 80; w++) {
      words.add("w" + Integer.toString(w * 7919, 36));
    }
    List<List<String>> bases = new ArrayList<>();
    for (int b = 0; b < 40; b++) {
      List<String> base = new ArrayList<>();
      for (int w = 0; w < 6 + random.nextInt(8); w++) {
        base.add(words.get(random.nextInt(words.size())));
      }
      bases.add(base);
    }
    List<TestFailure> failures = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      int b = random.nextInt(bases.size());
      List<String> message = new ArrayList<>(bases.get(b));
      for (int change = random.nextInt(3); change > 0; change--) {
        message.set(random.nextInt(message.size()), words.get(random.nextInt(words.size())));
      }
      String type = b % 3 == 0 ? "IOError" : "ValueError";
      Category category = b % 4 == 0 ? Category.OTHER : Category.ASSERTION_FAILURE;
      failures.add(failed("t" + i, new Failure(type, String.join(" ", message), ""), category));
    }

    List<List<String>> expected = allPairs(failures, Similarity.THRESHOLD);
    assertThat(expected).anyMatch(cluster -> cluster.size() > 2);
    assertThat(fingerprintsOf(grouper.group(failures))).isEqualTo(expected);
  }

  private static List<List<String>> fingerprintsOf(List<FailureGroup> groups) {
    return groups.stream().map(FailureGroup::fingerprints).sorted(FIRST).toList();
  }

  private static final java.util.Comparator<List<String>> FIRST =
      java.util.Comparator.comparing(l -> l.get(0));

  /** The grouper's definition, without an index: every bucket against every representative. */
  private static List<List<String>> allPairs(List<TestFailure> failures, double threshold) {
    Map<String, List<TestFailure>> buckets = new LinkedHashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (TestFailure f : failures) {
      Fingerprint fp = Fingerprint.of(f.failure());
      buckets.computeIfAbsent(fp.id(), id -> new ArrayList<>()).add(f);
      texts.put(fp.id(), fp.text());
    }
    List<String> order = new ArrayList<>(buckets.keySet());
    order.sort(java.util.Comparator.comparingInt(id -> -buckets.get(id).size()));
    List<List<String>> clusters = new ArrayList<>();
    for (String id : order) {
      Category category = buckets.get(id).get(0).diagnosis().category();
      List<String> best = null;
      double bestSimilarity = 0;
      for (List<String> cluster : clusters) {
        String leader = cluster.get(0);
        if (buckets.get(leader).get(0).diagnosis().category() != category) {
          continue;
        }
        double s = Similarity.of(texts.get(id), texts.get(leader));
        if (s >= threshold - 1e-9 && s > bestSimilarity) {
          best = cluster;
          bestSimilarity = s;
        }
      }
      if (best == null) {
        clusters.add(new ArrayList<>(List.of(id)));
      } else {
        best.add(id);
      }
    }
    return clusters.stream().sorted(FIRST).map(List::copyOf).toList();
  }
}
