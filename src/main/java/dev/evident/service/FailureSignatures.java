package dev.evident.service;

import dev.evident.analyze.Classifier;
import dev.evident.analyze.FailureInput;
import dev.evident.analyze.Fingerprint;
import dev.evident.analyze.Similarity;
import dev.evident.model.Diagnosis;
import dev.evident.model.Failure;
import dev.evident.store.FailureSigner;
import dev.evident.store.StoredFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysis of stored failures, shared by diagnosis and the failure index so that a command
 * classifies each failure text once: the classifier's diagnosis, and as the index needs it {@link
 * Fingerprint}, {@link Similarity} and the category. Diagnoses and signatures are cached by failure
 * text and runner (a run's failures share few texts), in bounded memory. Thread safe.
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

  /** Diagnoses kept: enough for a run of 100,000 distinct failures and its catch-up. */
  private static final int DIAGNOSES = 200_000;

  private final Map<Key, Diagnosis> diagnoses = new ConcurrentHashMap<>();

  private record Key(long failureId, String runner) {}

  FailureSignatures(Classifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  @Override
  public String version() {
    return Fingerprint.VERSION;
  }

  /** The classifier's diagnosis of a stored failure, cached by its text. */
  Diagnosis diagnose(StoredFailure failure, String runner) {
    if (failure.failureId() == 0) {
      return classify(failure.failure(), runner);
    }
    Key key = new Key(failure.failureId(), runner);
    Diagnosis diagnosis = diagnoses.get(key);
    if (diagnosis == null) {
      diagnosis = classify(failure.failure(), runner);
      if (diagnoses.size() >= DIAGNOSES) {
        diagnoses.clear();
      }
      diagnoses.put(key, diagnosis);
    }
    return diagnosis;
  }

  Diagnosis classify(Failure failure, String runner) {
    return classifier.classify(
        new FailureInput(runner, failure.type(), failure.message(), failure.details(), "", "", ""));
  }

  @Override
  public Signature sign(StoredFailure failure, String runner) {
    Key key = new Key(failure.failureId(), runner);
    Signature signature = null;
    if (failure.failureId() != 0) {
      synchronized (cache) {
        signature = cache.get(key);
      }
    }
    if (signature == null) {
      Fingerprint fingerprint = Fingerprint.of(failure.failure());
      signature =
          new Signature(
              fingerprint.id(), diagnose(failure, runner).category().id(), fingerprint.text());
      if (failure.failureId() != 0) {
        synchronized (cache) {
          cache.put(key, signature);
        }
      }
    }
    return signature;
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
