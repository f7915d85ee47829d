package dev.evident.store;

import dev.evident.model.Run;
import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The documents of the {@link FailureIndex}: their fields, in one place. A {@code failure} document
 * per failed, errored or flaky result; a {@code signature} document per project and fingerprint.
 */
final class FailureDocuments {

  static final String KIND = "kind";
  static final String FAILURE = "failure";
  static final String SIGNATURE = "signature";
  static final String PROJECT = "project";
  static final String FINGERPRINT = "fingerprint";
  static final String SIGNATURE_KEY = "signature_key";
  static final String RUN = "run";
  static final String TIME = "time";
  static final String TEST_REF = "test_ref";
  static final String TEST = "test";
  static final String CATEGORY = "category";
  static final String TYPE = "type";
  static final String TEXT = "text";
  static final String WORDS = "words";

  /** The version of this layout; with the signer's, it says when an index must be rebuilt. */
  static final String LAYOUT = "1";

  private FailureDocuments() {}

  /**
   * One failed result: keywords and doc values only (project, fingerprint, category; run and its
   * time for counting; test ref and name stored), no text, so that indexing stays cheap.
   */
  static Document failure(
      Run run, Instant when, StoredFailure failure, FailureSigner.Signature signature) {
    Document doc = new Document();
    doc.add(new StringField(KIND, FAILURE, Field.Store.NO));
    doc.add(new StringField(PROJECT, run.project(), Field.Store.YES));
    doc.add(new StringField(FINGERPRINT, signature.fingerprint(), Field.Store.YES));
    addLong(doc, RUN, run.id());
    doc.add(new NumericDocValuesField(TIME, when.toEpochMilli()));
    doc.add(new StoredField(TEST_REF, failure.testRef()));
    doc.add(new StoredField(TEST, failure.test().toString()));
    doc.add(new StringField(CATEGORY, signature.category(), Field.Store.YES));
    return doc;
  }

  /**
   * A fingerprint of a project as first seen: its normalised text (stored), its failure type (to
   * filter by) and its words (searched).
   */
  static Document signature(Run run, FailureSigner.Signature signature, String type, String words) {
    Document doc = new Document();
    doc.add(new StringField(KIND, SIGNATURE, Field.Store.NO));
    doc.add(new StringField(PROJECT, run.project(), Field.Store.YES));
    doc.add(new StringField(FINGERPRINT, signature.fingerprint(), Field.Store.YES));
    doc.add(
        new StringField(
            SIGNATURE_KEY, key(run.project(), signature.fingerprint()), Field.Store.NO));
    addLong(doc, RUN, run.id());
    doc.add(new StringField(CATEGORY, signature.category(), Field.Store.YES));
    doc.add(new StringField(TYPE, type, Field.Store.NO));
    doc.add(new StoredField(TEXT, signature.text()));
    doc.add(new TextField(WORDS, words, Field.Store.NO));
    return doc;
  }

  /** The key of a signature: one per project and fingerprint. */
  static String key(String project, String fingerprint) {
    return project + '\u0000' + fingerprint;
  }

  private static void addLong(Document doc, String field, long value) {
    doc.add(new LongPoint(field, value));
    doc.add(new NumericDocValuesField(field, value));
    doc.add(new StoredField(field, value));
  }
}
