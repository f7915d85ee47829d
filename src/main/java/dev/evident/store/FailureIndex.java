package dev.evident.store;

import static dev.evident.store.FailureDocuments.FAILURE;
import static dev.evident.store.FailureDocuments.FINGERPRINT;
import static dev.evident.store.FailureDocuments.KIND;
import static dev.evident.store.FailureDocuments.LAYOUT;
import static dev.evident.store.FailureDocuments.PROJECT;
import static dev.evident.store.FailureDocuments.RUN;
import static dev.evident.store.FailureDocuments.SIGNATURE;
import static dev.evident.store.FailureDocuments.SIGNATURE_KEY;
import static dev.evident.store.FailureDocuments.TEST;
import static dev.evident.store.FailureDocuments.TEST_REF;
import static dev.evident.store.FailureDocuments.TEXT;
import static dev.evident.store.FailureDocuments.TYPE;
import static dev.evident.store.FailureDocuments.WORDS;

import dev.evident.model.Run;
import dev.evident.model.SeenBefore;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * Past failures in a Lucene index beside the database ({@code .evident/evident.index/} for {@code
 * .evident/evident.db}; for PostgreSQL in the cache directory, see {@link IndexLocation}): whether
 * a failure was seen before, and which earlier fingerprints are similar to a new one (for inherited
 * labels).
 *
 * <p>Layout: a {@code failure} document per failed, errored or flaky result (project, run, run
 * time, test ref and name, fingerprint, category: keywords and doc values, no text, so that
 * indexing stays cheap); and a {@code signature} document per project and fingerprint, added with
 * its first failure (the normalised text, stored, and its words, searched with MoreLikeThis). The
 * last commit's user data holds the id of the last indexed run and the {@link
 * FailureSigner#version} it was built with.
 *
 * <p>Updated lazily: {@link #catchUp} indexes the runs stored since, so that ingest does not pay
 * for it. When another process holds the index's write lock, catching up is left to it. Thread
 * safe.
 */
public final class FailureIndex implements AutoCloseable {

  private static final String LAST_RUN = "last_run";
  private static final String VERSION = "version";
  private static final String STORE = "store";

  /** Runs are read and committed in batches of this many: progress survives an interruption. */
  private static final int RUN_BATCH = 50;

  /** Failures signed together, in parallel, before they are added. */
  private static final int SIGN_CHUNK = 4096;

  /** How many signatures a similarity search re-checks with the signer's measure. */
  private static final int CANDIDATES = 50;

  /**
   * Words in more than this share of the signatures tell none apart; a search leaves them out
   * (unless nothing else is left), which keeps it to a millisecond on a history of 12,000 distinct
   * assertion failures that all say "expected ... but was".
   */
  private static final double COMMON = 0.05;

  /** The words are the signer's tokens, separated by spaces: split on spaces and nothing else. */
  private static final Analyzer ANALYZER = new WhitespaceAnalyzer();

  /**
   * Lucene warns through java.util.logging that the vector API module is not enabled; the index
   * uses no vectors, and a CLI prints none of that.
   */
  private static final Logger LUCENE_LOG = quietLucene();

  private final Path path;
  private final FailureSigner signer;
  private final Directory directory;
  private DirectoryReader reader;

  private FailureIndex(Path path, FailureSigner signer, Directory directory) {
    this.path = path;
    this.signer = signer;
    this.directory = directory;
  }

  private static Logger quietLucene() {
    Logger logger = Logger.getLogger("org.apache.lucene");
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  /** Opens the index in a directory (created when the first run is indexed). */
  public static FailureIndex open(Path directory, FailureSigner signer) {
    LUCENE_LOG.fine("opening " + directory);
    try {
      return new FailureIndex(directory, signer, FSDirectory.open(directory));
    } catch (IOException e) {
      throw new StoreException("cannot open failure index " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * The index directory beside a database a {@code --db} option names: {@code evident.index} for
   * {@code evident.db}, {@code NAME.index} for a file without that extension.
   */
  public static Path besideDatabase(String db) {
    Path file = Path.of(db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db);
    String name = file.getFileName().toString();
    String base = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return file.resolveSibling(base + ".index");
  }

  /**
   * Indexes the runs stored since the last catch-up (all of them when the signer's version
   * changed). Returns how many runs it indexed; 0 when another process is indexing.
   */
  public synchronized int catchUp(ResultStore store) {
    if (upToDate(store)) {
      refresh();
      return 0;
    }
    IndexWriterConfig config =
        new IndexWriterConfig(ANALYZER)
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(64);
    int runs = 0;
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      Map<String, String> data = committedData();
      String storeId = store.id();
      // Rebuilt when built by other rules, or from another store that was at the same path.
      boolean rebuild = !version().equals(data.get(VERSION)) || !storeId.equals(data.get(STORE));
      long last = rebuild ? 0 : Long.parseLong(data.getOrDefault(LAST_RUN, "0"));
      if (rebuild) {
        writer.deleteAll();
      }
      Signatures signatures = new Signatures(rebuild ? null : searcher());
      boolean changed = rebuild;
      for (List<Run> batch = store.runsAfter(last, RUN_BATCH);
          !batch.isEmpty();
          batch = store.runsAfter(last, RUN_BATCH)) {
        for (Run run : batch) {
          index(store, run, writer, signatures);
          last = run.id();
          runs++;
        }
        commit(writer, last, storeId);
        changed = false;
      }
      if (changed) {
        commit(writer, last, storeId);
      }
    } catch (LockObtainFailedException e) {
      return 0;
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot update failure index " + path + ": " + e.getMessage(), e);
    }
    refresh();
    return runs;
  }

  /**
   * Whether the last commit indexed every run of this store with these rules: then catching up
   * needs no writer (nor its lock).
   */
  private boolean upToDate(ResultStore store) {
    try {
      Map<String, String> data = committedData();
      String last = data.get(LAST_RUN);
      return last != null
          && version().equals(data.get(VERSION))
          && store.id().equals(data.get(STORE))
          && store.runsAfter(Long.parseLong(last), 1).isEmpty();
    } catch (IOException e) {
      throw new StoreException("cannot read failure index " + path + ": " + e.getMessage(), e);
    }
  }

  private void index(ResultStore store, Run run, IndexWriter writer, Signatures signatures) {
    String runner = store.runner(run.id());
    Instant when = run.started() != null ? run.started() : run.created();
    List<StoredFailure> chunk = new ArrayList<>(SIGN_CHUNK);
    store.failures(
        run.id(),
        failure -> {
          chunk.add(failure);
          if (chunk.size() == SIGN_CHUNK) {
            index(run, when, runner, chunk, writer, signatures);
            chunk.clear();
          }
        });
    index(run, when, runner, chunk, writer, signatures);
  }

  /** Signs a chunk of failures on all cores (the classifier is the costly part), then adds them. */
  private void index(
      Run run,
      Instant when,
      String runner,
      List<StoredFailure> chunk,
      IndexWriter writer,
      Signatures signatures) {
    List<FailureSigner.Signature> signed =
        chunk.parallelStream().map(f -> signer.sign(f, runner)).toList();
    try {
      for (int i = 0; i < chunk.size(); i++) {
        FailureSigner.Signature s = signed.get(i);
        writer.addDocument(FailureDocuments.failure(run, when, chunk.get(i), s));
        if (signatures.add(run.project(), s.fingerprint())) {
          String type = signer.type(s.text());
          String words = signer.searchText(s.text());
          writer.addDocument(FailureDocuments.signature(run, s, type, words));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit(IndexWriter writer, long lastRun, String storeId) throws IOException {
    writer.setLiveCommitData(
        Map.of(LAST_RUN, Long.toString(lastRun), VERSION, version(), STORE, storeId).entrySet());
    writer.commit();
  }

  private String version() {
    return signer.version() + "/" + LAYOUT;
  }

  private Map<String, String> committedData() throws IOException {
    return DirectoryReader.indexExists(directory)
        ? SegmentInfos.readLatestCommit(directory).getUserData()
        : Map.of();
  }

  /** The id of the last run indexed, 0 when none. */
  public synchronized long indexedThrough() {
    try {
      return Long.parseLong(committedData().getOrDefault(LAST_RUN, "0"));
    } catch (IOException e) {
      throw new StoreException("cannot read failure index " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The fingerprints of a project's failures before a run that are the same as or similar to one
   * (at least the signer's threshold), with their similarity; the fingerprint itself always, with
   * 1. Candidates come from a MoreLikeThis query over the signatures' words and are re-checked with
   * the signer's similarity.
   */
  public synchronized Map<String, Double> similar(
      String project, String fingerprint, String text, long beforeRunId) {
    return similar(searcher(), project, fingerprint, text, beforeRunId);
  }

  private Map<String, Double> similar(
      IndexSearcher searcher, String project, String fingerprint, String text, long beforeRunId) {
    Map<String, Double> similar = new LinkedHashMap<>();
    similar.put(fingerprint, 1.0);
    if (searcher == null) {
      return similar;
    }
    try {
      Query like = like(searcher, text, true);
      if (like instanceof BooleanQuery b && b.clauses().isEmpty()) {
        like = like(searcher, text, false); // only common words: search by them after all
      }
      Query query =
          new BooleanQuery.Builder()
              .add(like, Occur.MUST)
              .add(new TermQuery(new Term(KIND, SIGNATURE)), Occur.FILTER)
              .add(new TermQuery(new Term(PROJECT, project)), Occur.FILTER)
              .add(new TermQuery(new Term(TYPE, signer.type(text))), Occur.FILTER)
              .add(LongPoint.newRangeQuery(RUN, Long.MIN_VALUE, beforeRunId - 1), Occur.FILTER)
              .build();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(query, CANDIDATES).scoreDocs) {
        Document doc = stored.document(hit.doc, Set.of(FINGERPRINT, TEXT));
        String other = doc.get(FINGERPRINT);
        double similarity = signer.similarity(text, doc.get(TEXT));
        if (!other.equals(fingerprint) && similarity >= signer.threshold() - 1e-9) {
          similar.put(other, similarity);
        }
      }
      return similar;
    } catch (IOException e) {
      throw new StoreException("cannot search failure index " + path + ": " + e.getMessage(), e);
    }
  }

  /** A MoreLikeThis query for a text's words, without the common ones when asked. */
  private Query like(IndexSearcher searcher, String text, boolean withoutCommon)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(ANALYZER);
    mlt.setFieldNames(new String[] {WORDS});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxQueryTerms(64);
    if (withoutCommon) {
      int signatures = searcher.getIndexReader().docFreq(new Term(KIND, SIGNATURE));
      mlt.setMaxDocFreq(Math.max(CANDIDATES, (int) (signatures * COMMON)));
    }
    return mlt.like(WORDS, new StringReader(signer.searchText(text)));
  }

  /**
   * Where a failure, or one similar to it, failed in a project's runs before {@code beforeRunId}:
   * the first and last run, in how many runs and how many times; empty when never.
   */
  public synchronized Optional<SeenBefore> seenBefore(
      String project, String fingerprint, String text, long beforeRunId) {
    return seenBefore(searcher(), project, fingerprint, text, beforeRunId);
  }

  /** A failure to look up: its fingerprint and normalised text. */
  public record Lookup(String fingerprint, String text) {}

  /**
   * {@link #seenBefore(String, String, String, long)} for several failures, in their order, over
   * one snapshot of the index. The searches run on all cores (a searcher is thread safe).
   */
  public synchronized List<Optional<SeenBefore>> seenBefore(
      String project, List<Lookup> failures, long beforeRunId) {
    IndexSearcher searcher = searcher();
    return failures.parallelStream()
        .map(f -> seenBefore(searcher, project, f.fingerprint(), f.text(), beforeRunId))
        .toList();
  }

  private Optional<SeenBefore> seenBefore(
      IndexSearcher searcher, String project, String fingerprint, String text, long beforeRunId) {
    if (searcher == null) {
      return Optional.empty();
    }
    Map<String, Double> fingerprints = similar(searcher, project, fingerprint, text, beforeRunId);
    List<BytesRef> terms = new ArrayList<>();
    fingerprints.keySet().forEach(f -> terms.add(new BytesRef(f)));
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(KIND, FAILURE)), Occur.FILTER)
            .add(new TermQuery(new Term(PROJECT, project)), Occur.FILTER)
            .add(new TermInSetQuery(FINGERPRINT, terms), Occur.FILTER)
            .add(LongPoint.newRangeQuery(RUN, Long.MIN_VALUE, beforeRunId - 1), Occur.FILTER)
            .build();
    try {
      return searcher.search(query, RunStats.manager()).seen();
    } catch (IOException e) {
      throw new StoreException("cannot search failure index " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A failure as the index knows it: its project, fingerprint and normalised text, and its latest
   * occurrence (run, test ref and name).
   */
  public record Occurrence(
      String project, String fingerprint, String text, long run, long testRef, String test) {}

  /**
   * The fingerprints that start with a prefix (lower-case hex), in a project or in all when null,
   * each with its latest occurrence; at most {@code limit}.
   */
  public synchronized List<Occurrence> startingWith(String prefix, String project, int limit) {
    IndexSearcher searcher = searcher();
    if (searcher == null) {
      return List.of();
    }
    BooleanQuery.Builder signatures =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(KIND, SIGNATURE)), Occur.FILTER)
            .add(new PrefixQuery(new Term(FINGERPRINT, prefix)), Occur.FILTER);
    if (project != null) {
      signatures.add(new TermQuery(new Term(PROJECT, project)), Occur.FILTER);
    }
    try {
      List<Occurrence> found = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(signatures.build(), limit).scoreDocs) {
        Document signature = stored.document(hit.doc);
        String p = signature.get(PROJECT);
        String fingerprint = signature.get(FINGERPRINT);
        Query occurrences =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, FAILURE)), Occur.FILTER)
                .add(new TermQuery(new Term(PROJECT, p)), Occur.FILTER)
                .add(new TermQuery(new Term(FINGERPRINT, fingerprint)), Occur.FILTER)
                .build();
        Sort newest = new Sort(new SortField(RUN, SortField.Type.LONG, true));
        for (ScoreDoc latest : searcher.search(occurrences, 1, newest).scoreDocs) {
          Document doc = stored.document(latest.doc);
          found.add(
              new Occurrence(
                  p,
                  fingerprint,
                  signature.get(TEXT),
                  doc.getField(RUN).numericValue().longValue(),
                  doc.getField(TEST_REF).numericValue().longValue(),
                  doc.get(TEST)));
        }
      }
      return found;
    } catch (IOException e) {
      throw new StoreException("cannot search failure index " + path + ": " + e.getMessage(), e);
    }
  }

  /** A searcher over the newest commit, or null when nothing was indexed yet. */
  private IndexSearcher searcher() {
    refresh();
    return reader == null ? null : new IndexSearcher(reader);
  }

  private void refresh() {
    try {
      if (reader == null) {
        if (DirectoryReader.indexExists(directory)) {
          reader = DirectoryReader.open(directory);
        }
      } else {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader);
        if (newer != null) {
          reader.close();
          reader = newer;
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot read failure index " + path + ": " + e.getMessage(), e);
    }
  }

  /** Which signatures exist: in the index as it was, or added by this catch-up. */
  private static final class Signatures {
    private final IndexSearcher committed;
    private final Set<String> known = new HashSet<>();

    Signatures(IndexSearcher committed) {
      this.committed = committed;
    }

    /** Whether the signature is new (and now known). */
    boolean add(String project, String fingerprint) throws IOException {
      String key = FailureDocuments.key(project, fingerprint);
      if (!known.add(key)) {
        return false;
      }
      return committed == null || committed.count(new TermQuery(new Term(SIGNATURE_KEY, key))) == 0;
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (reader != null) {
        reader.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new StoreException("cannot close failure index " + path + ": " + e.getMessage(), e);
    }
  }
}
