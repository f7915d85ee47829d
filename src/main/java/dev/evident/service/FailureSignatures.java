package dev.evident.service;

import dev.evident.analyze.Classifier;
import dev.evident.analyze.FailureInput;
import dev.evident.analyze.Fingerprint;
import dev.evident.analyze.Similarity;
import dev.evident.model.Failure;
import dev.evident.store.FailureSigner;
import dev.evident.store.StoredFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The analysis as the failure index needs it: {@link Fingerprint}, {@link Similarity} and a
 * classifier's category. Signatures are cached by failure text and runner (a run's failures share
 * few texts), in bounded memory. Thread safe.
 */
final class FailureSignatures implements FailureSigner {

  private static final int CACHED = 4096;

  private final Classifier classifier;
  private final Map<Key, Signature> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Signature> eldest) {
          return size() > CACHED;
        }
      };

  private record Key(long failureId, String runner) {}

  FailureSignatures(Classifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  @Override
  public String version() {
    return Fingerprint.VERSION;
  }

  @Override
  public synchronized Signature sign(StoredFailure failure, String runner) {
    Key key = new Key(failure.failureId(), runner);
    Signature signature = failure.failureId() == 0 ? null : cache.get(key);
    if (signature == null) {
      signature = sign(failure.failure(), runner);
      if (failure.failureId() != 0) {
        cache.put(key, signature);
      }
    }
    return signature;
  }

  Signature sign(Failure failure, String runner) {
    Fingerprint fingerprint = Fingerprint.of(failure);
    String category =
        classifier
            .classify(
                new FailureInput(
                    runner, failure.type(), failure.message(), failure.details(), "", "", ""))
            .category()
            .id();
    return new Signature(fingerprint.id(), category, fingerprint.text());
  }

  @Override
  public double similarity(String text, String other) {
    return Similarity.of(text, other);
  }

  @Override
  public double threshold() {
    return Similarity.THRESHOLD;
  }

  @Override
  public String type(String text) {
    return Similarity.type(text);
  }

  @Override
  public String searchText(String text) {
    return String.join(" ", Similarity.tokens(text));
  }
}
