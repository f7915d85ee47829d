package dev.evident.store;

import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
  private final long projectId;
  private final Map<String, Long> suiteIds = new HashMap<>();

  /**
   * Known tests by suite: identity key to ref. One small map per suite rather than one large one,
   * because consecutive results mostly share a suite, and a small map stays in the CPU's cache.
   */
  private final Map<Long, LongLongMap> identities = new HashMap<>();

  private final Map<Long, Integer> nextOrdinal = new HashMap<>();

  /** Suites of this run whose known tests are loaded (or that are new: none to load). */
  private final Set<Long> loaded = new HashSet<>();

  /** Names of the tests first seen in this run, encoded as they come, by suite. */
  private final Map<Long, SuiteNames.Chunk> newNames = new LinkedHashMap<>();

  private String lastSuiteName;
  private long lastSuiteId = -1;
  private LongLongMap lastIdentities;

  private TestIdentities(Connection c, long projectId) {
    this.c = c;
    this.projectId = projectId;
  }

  /** The tests of a project (created when new), its row locked until the transaction ends. */
  static TestIdentities load(Connection c, Dialect dialect, String project, String created)
      throws SQLException {
    TestIdentities tests = new TestIdentities(c, projectId(c, dialect, project, created));
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT first_ordinal, count, names FROM suite_tests WHERE suite_id = ?")) {
      ps.setLong(1, suiteId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int first = rs.getInt(1);
          int count = rs.getInt(2);
          LongLongMap map = identities(suiteId, count);
          SuiteNames.decode(
              rs.getBytes(3),
              first,
              count,
              (ordinal, name, parameters) ->
                  map.put(
                      new TestId(suite, name, parameters).key(), TestRefs.of(suiteId, ordinal)));
          nextOrdinal.merge(suiteId, first + count, Math::max);
        }
      }
    }
  }

  private LongLongMap identities(long suiteId, int expected) {
    return identities.computeIfAbsent(suiteId, s -> new LongLongMap(expected));
  }

  /** The ref of a known test, or MISSING. */
  long ref(long suiteId, long key) {
    LongLongMap map = suiteId == lastSuiteId ? lastIdentities : identities.get(suiteId);
    return map == null ? LongLongMap.MISSING : map.get(key);
  }

  /**
   * The id of a suite of the project, inserted when new; its known tests are loaded the first time
   * the run names it.
   */
  long suiteId(String name) throws SQLException {
    if (name.equals(lastSuiteName)) {
      return lastSuiteId;
    }
    Long id = suiteIds.get(name);
    if (id != null && loaded.add(id)) {
      loadIdentities(id, name);
    }
    if (id == null) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO suites (project_id, name) VALUES (?, ?) RETURNING id")) {
        ps.setLong(1, projectId);
        ps.setString(2, name);
        id = Sql.returnedId(ps);
      }
      suiteIds.put(name, id);
      loaded.add(id);
    }
    lastSuiteName = name;
    lastSuiteId = id;
    lastIdentities = identities.get(id);
    return id;
  }

  /** Gives a test first seen in this run the next ordinal of its suite. */
  long newTest(long suiteId, long key, TestId id) {
    int ordinal = nextOrdinal.getOrDefault(suiteId, 0);
    if (ordinal > TestRefs.MAX_ORDINAL) {
      throw new StoreException(
          "suite " + id.suite() + " has more than " + TestRefs.MAX_ORDINAL + " tests");
    }
    nextOrdinal.put(suiteId, ordinal + 1);
    newNames
        .computeIfAbsent(suiteId, s -> new SuiteNames.Chunk(ordinal))
        .add(id.name(), id.parameters());
    long ref = TestRefs.of(suiteId, ordinal);
    identities(suiteId, 16).put(key, ref);
    if (suiteId == lastSuiteId) {
      lastIdentities = identities.get(suiteId);
    }
    return ref;
  }

  /** The names of the tests first seen in this run, one chunk per suite, for the commit. */
  Map<Long, SuiteNames.Chunk> newNames() {
    return newNames;
  }
}
