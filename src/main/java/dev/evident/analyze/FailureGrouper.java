package dev.evident.analyze;

import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.model.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups failures that share a cause. First by exact {@link Fingerprint}; then a fingerprint joins
 * the group of an earlier, larger one when they are near duplicates ({@link Similarity} at least
 * the threshold). Only group representatives are compared, only within one category and failure
 * type, and only those that can reach the threshold: representatives are indexed by the rarest
 * tokens of their sets (the prefix filter of all-pairs similarity search, see {@code Block}), so
 * grouping stays near linear in the number of distinct fingerprints. Thread safe (stateless).
 */
public final class FailureGrouper {

  private final double threshold;

  public FailureGrouper() {
    this(Similarity.THRESHOLD);
  }

  /** A grouper with another threshold in (0, 1], for experiments. */
  public FailureGrouper(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    this.threshold = threshold;
  }

  /** The groups of these failures, the largest first (ties: the group whose test came first). */
  public List<FailureGroup> group(List<TestFailure> failures) {
    List<Bucket> buckets = buckets(failures);
    rankTokens(buckets);
    List<Bucket> bySize = new ArrayList<>(buckets);
    bySize.sort(
        Comparator.comparingInt((Bucket b) -> -b.members.size()).thenComparingInt(b -> b.first));
    Map<String, Block> blocks = new HashMap<>();
    List<Cluster> clusters = new ArrayList<>();
    for (Bucket bucket : bySize) {
      String key = bucket.category().id() + '\n' + bucket.fingerprint.type();
      Block block = blocks.computeIfAbsent(key, k -> new Block());
      Cluster cluster = block.nearest(bucket, threshold);
      if (cluster == null) {
        cluster = new Cluster(bucket, clusters.size());
        block.lead(cluster, threshold);
        clusters.add(cluster);
      } else {
        cluster.buckets.add(bucket);
      }
    }
    List<FailureGroup> groups = new ArrayList<>(clusters.size());
    clusters.stream()
        .sorted(Comparator.comparingInt((Cluster c) -> -c.size()).thenComparingInt(Cluster::first))
        .forEach(c -> groups.add(c.toGroup(failures)));
    return groups;
  }

  /** Failures by fingerprint, in order of first appearance; each distinct text read once. */
  private static List<Bucket> buckets(List<TestFailure> failures) {
    Map<Failure, Signed> signed = new HashMap<>();
    Map<String, Bucket> buckets = new LinkedHashMap<>();
    for (int i = 0; i < failures.size(); i++) {
      TestFailure f = failures.get(i);
      Signed s = signed.computeIfAbsent(f.failure(), Signed::of);
      int index = i;
      buckets
          .computeIfAbsent(s.fingerprint.id(), id -> new Bucket(s.fingerprint, index))
          .add(index, f, s.firstLine);
    }
    return new ArrayList<>(buckets.values());
  }

  /**
   * Gives each bucket its tokens as ranks, sorted: rarer tokens (in fewer buckets) rank first, so
   * prefixes hold the tokens that tell fingerprints apart and candidate lists stay short.
   */
  private static void rankTokens(List<Bucket> buckets) {
    Map<String, Integer> ids = new HashMap<>();
    List<int[]> tokenIds = new ArrayList<>(buckets.size());
    int[] frequency = new int[16];
    for (Bucket b : buckets) {
      List<String> tokens = Similarity.tokens(b.fingerprint.text());
      int[] idsOfBucket = new int[tokens.size()];
      for (int k = 0; k < idsOfBucket.length; k++) {
        int id = ids.computeIfAbsent(tokens.get(k), t -> ids.size());
        if (id >= frequency.length) {
          frequency = Arrays.copyOf(frequency, frequency.length * 2);
        }
        frequency[id]++;
        idsOfBucket[k] = id;
      }
      tokenIds.add(idsOfBucket);
    }
    int[] freq = frequency;
    Integer[] order = new Integer[ids.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(
        order, Comparator.comparingInt((Integer id) -> freq[id]).thenComparingInt(id -> id));
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    for (int k = 0; k < buckets.size(); k++) {
      int[] ranks = tokenIds.get(k);
      for (int j = 0; j < ranks.length; j++) {
        ranks[j] = rank[ranks[j]];
      }
      Arrays.sort(ranks);
      buckets.get(k).ranks = ranks;
    }
  }

  /** The prefix that holds the rarest token a set shares with any set similar to it. */
  static int longPrefix(int size, double threshold) {
    return size == 0 ? 0 : size - (int) Math.ceil(threshold * size - 1e-9) + 1;
  }

  /**
   * The prefix that holds the rarest token a set shares with any similar set as large or larger.
   */
  static int shortPrefix(int size, double threshold) {
    double overlap = 2 * threshold / (1 + threshold);
    return size == 0 ? 0 : size - (int) Math.ceil(overlap * size - 1e-9) + 1;
  }

  /** The Jaccard index of two sorted rank arrays. */
  static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) shared / (a.length + b.length - shared);
  }

  private record Signed(Fingerprint fingerprint, String firstLine) {
    static Signed of(Failure failure) {
      return new Signed(Fingerprint.of(failure), Fingerprint.firstLine(failure));
    }
  }

  /** The failures with one fingerprint. */
  private static final class Bucket {
    final Fingerprint fingerprint;
    final int first;
    final List<Integer> members = new ArrayList<>();
    final EnumMap<Category, Integer> categories = new EnumMap<>(Category.class);

    /** Each first line: how many members have it, and the first of them. */
    final Map<String, int[]> firstLines = new HashMap<>(4);

    int[] ranks;
    private Category category;

    Bucket(Fingerprint fingerprint, int first) {
      this.fingerprint = fingerprint;
      this.first = first;
    }

    void add(int index, TestFailure failure, String firstLine) {
      members.add(index);
      categories.merge(failure.diagnosis().category(), 1, Integer::sum);
      int[] seen = firstLines.computeIfAbsent(firstLine, l -> new int[] {0, index});
      seen[0]++;
    }

    /** The category most members have (ties: the earlier category of the taxonomy). */
    Category category() {
      if (category == null) {
        category = majority(categories);
      }
      return category;
    }
  }

  /**
   * The representatives of one category and failure type, indexed twice. Of two sets with a Jaccard
   * index of at least t, the smaller has at most {@code n - ceil(2t/(1+t) * n)} tokens outside the
   * other, the larger at most {@code n - ceil(t * n)}; so the smaller set's short prefix and the
   * larger set's long prefix both hold their rarest shared token. A representative is indexed by
   * its short prefix (found by larger probes with their long prefix) and by its long prefix (found
   * by smaller probes with their short prefix). The short prefixes keep common tokens out of the
   * lists that probes walk: 12,000 distinct assertion messages that share "expected ... but was"
   * cost no comparisons.
   */
  private static final class Block {
    final Map<Integer, List<Cluster>> byShortPrefix = new HashMap<>();
    final Map<Integer, List<Cluster>> byLongPrefix = new HashMap<>();
    int stamp;

    void lead(Cluster cluster, double threshold) {
      int[] ranks = cluster.leader().ranks;
      index(byShortPrefix, ranks, shortPrefix(ranks.length, threshold), cluster);
      index(byLongPrefix, ranks, longPrefix(ranks.length, threshold), cluster);
    }

    private static void index(
        Map<Integer, List<Cluster>> index, int[] ranks, int prefix, Cluster c) {
      for (int k = 0; k < prefix; k++) {
        index.computeIfAbsent(ranks[k], r -> new ArrayList<>(2)).add(c);
      }
    }

    /** The most similar representative at least at the threshold (ties: the earliest), or null. */
    Cluster nearest(Bucket bucket, double threshold) {
      stamp++;
      int[] ranks = bucket.ranks;
      Best best = new Best();
      probe(byShortPrefix, ranks, longPrefix(ranks.length, threshold), true, threshold, best);
      probe(byLongPrefix, ranks, shortPrefix(ranks.length, threshold), false, threshold, best);
      return best.cluster;
    }

    private void probe(
        Map<Integer, List<Cluster>> index,
        int[] ranks,
        int prefix,
        boolean notLarger,
        double threshold,
        Best best) {
      for (int k = 0; k < prefix; k++) {
        List<Cluster> candidates = index.get(ranks[k]);
        if (candidates == null) {
          continue;
        }
        for (Cluster c : candidates) {
          int[] other = c.leader().ranks;
          if (c.stamp == stamp || (other.length <= ranks.length) != notLarger) {
            continue;
          }
          c.stamp = stamp;
          int small = Math.min(other.length, ranks.length);
          int large = Math.max(other.length, ranks.length);
          if (small < threshold * large - 1e-9) {
            continue; // the sizes alone rule it out
          }
          double similarity = jaccard(ranks, other);
          boolean better =
              similarity > best.similarity
                  || (similarity == best.similarity
                      && best.cluster != null
                      && c.order < best.cluster.order);
          if (similarity >= threshold - 1e-9 && better) {
            best.cluster = c;
            best.similarity = similarity;
          }
        }
      }
    }
  }

  private static final class Best {
    Cluster cluster;
    double similarity;
  }

  /** A representative bucket and the near duplicates that joined it. */
  private static final class Cluster {
    final List<Bucket> buckets = new ArrayList<>(1);
    final int order;
    int stamp;

    Cluster(Bucket leader, int order) {
      buckets.add(leader);
      this.order = order;
    }

    Bucket leader() {
      return buckets.get(0);
    }

    int size() {
      int size = 0;
      for (Bucket b : buckets) {
        size += b.members.size();
      }
      return size;
    }

    int first() {
      int first = Integer.MAX_VALUE;
      for (Bucket b : buckets) {
        first = Math.min(first, b.first);
      }
      return first;
    }

    FailureGroup toGroup(List<TestFailure> all) {
      EnumMap<Category, Integer> categories = new EnumMap<>(Category.class);
      Map<String, int[]> lines = new HashMap<>();
      List<Integer> indexes = new ArrayList<>();
      List<String> fingerprints = new ArrayList<>(buckets.size());
      for (Bucket b : buckets) {
        b.categories.forEach((c, n) -> categories.merge(c, n, Integer::sum));
        b.firstLines.forEach(
            (line, n) ->
                lines.merge(
                    line, n.clone(), (x, y) -> new int[] {x[0] + y[0], Math.min(x[1], y[1])}));
        indexes.addAll(b.members);
        fingerprints.add(b.fingerprint.id());
      }
      indexes.sort(null);
      Category category = majority(categories);
      String message =
          lines.entrySet().stream()
              .min(
                  Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                      .thenComparingInt(e -> e.getValue()[1]))
              .map(Map.Entry::getKey)
              .orElse("");
      // The diagnosis: the most confident of the majority category, on equal confidence one whose
      // first line is the group's message, so that message and evidence tell of the same failure.
      List<TestFailure> members = new ArrayList<>(indexes.size());
      Diagnosis diagnosis = null;
      boolean ofMessage = false;
      for (int index : indexes) {
        TestFailure f = all.get(index);
        members.add(f);
        Diagnosis d = f.diagnosis();
        if (d.category() != category) {
          continue;
        }
        if (diagnosis == null || d.confidence() > diagnosis.confidence()) {
          diagnosis = d;
          ofMessage = Fingerprint.firstLine(f.failure()).equals(message);
        } else if (!ofMessage
            && d.confidence() == diagnosis.confidence()
            && Fingerprint.firstLine(f.failure()).equals(message)) {
          diagnosis = d;
          ofMessage = true;
        }
      }
      return new FailureGroup(
          leader().fingerprint.id(),
          category,
          diagnosis,
          message,
          leader().fingerprint.text(),
          fingerprints,
          members,
          null);
    }
  }

  private static Category majority(EnumMap<Category, Integer> counts) {
    Category best = Category.OTHER;
    int most = 0;
    for (Map.Entry<Category, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }
}
