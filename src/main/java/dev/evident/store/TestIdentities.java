package dev.evident.store;

import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project's tests while a run is written: the project's suites loaded once, the known identities
 * of a suite loaded when the suite first appears in the run and then resolved in memory (a run
 * decodes the names of its own suites only, not of every test the project ever had), new suites
 * inserted as they appear, new tests given the next ordinal of their suite (their names written at
 * commit). The project row is locked for the writer's transaction (see {@link Dialect#forUpdate}),
 * so that two writers of one project never hand out the same ordinal.
 */
final class TestIdentities {

  private final Connection c;
  private final Dialect dialect;
  private final long projectId;
  private final Map<String, Long> suiteIds = new HashMap<>();
  private PreparedStatement insertSuite;
  private PreparedStatement selectNames;

  /**
   * SQLite: the id the next new suite gets (0 until the first one), its insert batched. The
   * writer's transaction holds the database's write lock, so no other writer takes an id meanwhile;
   * a suite inserted with a RETURNING query cost the JDBC driver a result set each (a tenth of a
   * second for 10,000 new suites).
   */
  private long nextSuiteId;

  private int pendingSuites;

  /**
   * The suites this run named, by id: each with its known tests (identity key to ref; one small map
   * per suite rather than one large one, because consecutive results mostly share a suite, and a
   * small map stays in the CPU's cache), its next ordinal and the names of its new tests.
   */
  private final Map<Long, Suite> suites = new HashMap<>();

  /** Names of the tests first seen in this run, encoded as they come, by suite. */
  private final Map<Long, SuiteNames.Chunk> newNames = new LinkedHashMap<>();

  /** The suite of the previous result: most results name it again (no lookup, no boxing). */
  private String lastSuiteName;

  private Suite last;

  /** One suite while the run is written. */
  private static final class Suite {
    final long id;
    LongLongMap identities;
    int nextOrdinal;
    SuiteNames.Chunk newNames;

    Suite(long id) {
      this.id = id;
    }
  }

  private TestIdentities(Connection c, Dialect dialect, long projectId) {
    this.c = c;
    this.dialect = dialect;
    this.projectId = projectId;
  }

  /** The tests of a project (created when new), its row locked until the transaction ends. */
  static TestIdentities load(Connection c, Dialect dialect, String project, String created)
      throws SQLException {
    TestIdentities tests = new TestIdentities(c, dialect, projectId(c, dialect, project, created));
    tests.loadSuites();
    return tests;
  }

  long projectId() {
    return projectId;
  }

  static long projectId(Connection c, Dialect dialect, String name, String created)
      throws SQLException {
    String select = "SELECT id FROM projects WHERE name = ?" + dialect.forUpdate();
    for (int attempt = 0; ; attempt++) {
      try (PreparedStatement ps = c.prepareStatement(select)) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
      }
      if (attempt > 0) {
        throw new SQLException("project " + name + " could not be created");
      }
      // Another writer may create it meanwhile: then nothing is inserted and the select finds it.
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, created);
        ps.executeUpdate();
      }
    }
  }

  private void loadSuites() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, id FROM suites WHERE project_id = ?")) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          suiteIds.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
  }

  /** The known tests of one suite, by identity key. Keys are recomputed from the names. */
  private void loadIdentities(long suiteId, String suite) throws SQLException {
    if (selectNames == null) {
      selectNames =
          c.prepareStatement(
              "SELECT first_ordinal, count, names FROM suite_tests WHERE suite_id = ?");
    }
    PreparedStatement ps = selectNames;
    ps.setLong(1, suiteId);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int first = rs.getInt(1);
        int count = rs.getInt(2);
        Suite state = suites.get(suiteId);
        if (state.identities == null) {
          state.identities = new LongLongMap(count);
        }
        LongLongMap map = state.identities;
        SuiteNames.decode(
            rs.getBytes(3),
            first,
            count,
            (ordinal, name, parameters) ->
                map.put(new TestId(suite, name, parameters).key(), TestRefs.of(suiteId, ordinal)));
        state.nextOrdinal = Math.max(state.nextOrdinal, first + count);
      }
    }
  }

  /** The ref of a known test, or MISSING. */
  long ref(long suiteId, long key) {
    Suite suite = last != null && last.id == suiteId ? last : suites.get(suiteId);
    LongLongMap map = suite == null ? null : suite.identities;
    return map == null ? LongLongMap.MISSING : map.get(key);
  }

  /**
   * The id of a suite of the project, inserted when new; its known tests are loaded the first time
   * the run names it.
   */
  long suiteId(String name) throws SQLException {
    if (name.equals(lastSuiteName)) {
      return last.id;
    }
    Long id = suiteIds.get(name);
    boolean inserted = id == null;
    if (inserted) {
      id = insertSuite(name);
      suiteIds.put(name, id);
    }
    Suite suite = suites.get(id);
    if (suite == null) {
      suite = new Suite(id);
      suites.put(id, suite);
      if (!inserted) {
        loadIdentities(id, name);
      }
    }
    lastSuiteName = name;
    last = suite;
    return id;
  }

  private long insertSuite(String name) throws SQLException {
    if (dialect != Dialect.SQLITE) {
      if (insertSuite == null) {
        insertSuite =
            c.prepareStatement("INSERT INTO suites (project_id, name) VALUES (?, ?) RETURNING id");
      }
      insertSuite.setLong(1, projectId);
      insertSuite.setString(2, name);
      return Sql.returnedId(insertSuite);
    }
    if (insertSuite == null) {
      insertSuite =
          c.prepareStatement("INSERT INTO suites (id, project_id, name) VALUES (?, ?, ?)");
      try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM suites");
          ResultSet rs = ps.executeQuery()) {
        nextSuiteId = (rs.next() ? rs.getLong(1) : 0) + 1;
      }
    }
    long id = nextSuiteId++;
    insertSuite.setLong(1, id);
    insertSuite.setLong(2, projectId);
    insertSuite.setString(3, name);
    insertSuite.addBatch();
    if (++pendingSuites >= 512) {
      flushSuites();
    }
    return id;
  }

  /** Inserts the new suites not inserted yet (SQLite batches them); before the commit. */
  void flushSuites() throws SQLException {
    if (pendingSuites > 0) {
      insertSuite.executeBatch();
      pendingSuites = 0;
    }
  }

  /** Gives a test first seen in this run the next ordinal of its suite. */
  long newTest(long suiteId, long key, TestId id) {
    Suite suite = last != null && last.id == suiteId ? last : suites.get(suiteId);
    int ordinal = suite.nextOrdinal;
    if (ordinal > TestRefs.MAX_ORDINAL) {
      throw new StoreException(
          "suite " + id.suite() + " has more than " + TestRefs.MAX_ORDINAL + " tests");
    }
    suite.nextOrdinal = ordinal + 1;
    if (suite.newNames == null) {
      suite.newNames = new SuiteNames.Chunk(ordinal);
      newNames.put(suiteId, suite.newNames);
    }
    suite.newNames.add(id.name(), id.parameters());
    long ref = TestRefs.of(suiteId, ordinal);
    if (suite.identities == null) {
      suite.identities = new LongLongMap(16);
    }
    suite.identities.put(key, ref);
    return ref;
  }

  /** Closes the statement kept for new suites. */
  void close() throws SQLException {
    if (insertSuite != null) {
      insertSuite.close();
    }
    if (selectNames != null) {
      selectNames.close();
    }
  }

  /** The names of the tests first seen in this run, one chunk per suite, for the commit. */
  Map<Long, SuiteNames.Chunk> newNames() {
    return newNames;
  }
}
