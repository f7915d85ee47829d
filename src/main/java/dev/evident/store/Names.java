package dev.evident.store;

import dev.evident.model.TestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns test refs back into test identities, loading each suite's names once. */
final class Names {

  private final Connection c;
  private final Map<Long, String> suiteNames = new HashMap<>();
  private final Map<Long, List<SuiteNames.Name>> tests = new HashMap<>();

  Names(Connection c) {
    this.c = c;
  }

  TestId id(long ref) throws SQLException {
    TestId id = find(ref);
    if (id == null) {
      throw new StoreException(
          "test " + ref + " has no name in the store; the database is inconsistent");
    }
    return id;
  }

  /** The test with this ref, or null when the store has none. */
  TestId find(long ref) throws SQLException {
    long suite = TestRefs.suite(ref);
    String suiteName = suiteName(suite);
    if (suiteName == null) {
      return null;
    }
    List<SuiteNames.Name> names = tests.get(suite);
    if (names == null) {
      names = SuiteNames.load(c, suite);
      tests.put(suite, names);
    }
    int ordinal = TestRefs.ordinal(ref);
    if (ordinal >= names.size()) {
      return null;
    }
    SuiteNames.Name n = names.get(ordinal);
    return new TestId(suiteName, n.name(), n.parameters());
  }

  private String suiteName(long suite) throws SQLException {
    String name = suiteNames.get(suite);
    if (name == null) {
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM suites WHERE id = ?")) {
        ps.setLong(1, suite);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          name = rs.getString(1);
        }
      }
      suiteNames.put(suite, name);
    }
    return name;
  }
}
