package dev.evident.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The names of a suite's tests, stored in appended chunks of suite_tests. */
final class SuiteNames {

  /** One test's name and parameters. */
  record Name(String name, String parameters) {}

  private SuiteNames() {}

  /** Names being added to a suite, encoded as they come. */
  static final class Chunk {
    final int firstOrdinal;
    private final Blobs.Writer names = new Blobs.Writer(256);
    private int count;

    Chunk(int firstOrdinal) {
      this.firstOrdinal = firstOrdinal;
    }

    void add(String name, String parameters) {
      names.string(name);
      names.string(parameters);
      count++;
    }

    int count() {
      return count;
    }

    byte[] bytes() {
      return names.toByteArray();
    }
  }

  /** Decodes a chunk, passing each name with its ordinal. */
  static void decode(byte[] blob, int firstOrdinal, int count, NameConsumer consumer) {
    Blobs.Reader r = new Blobs.Reader(blob);
    for (int i = 0; i < count; i++) {
      consumer.accept(firstOrdinal + i, r.string(), r.string());
    }
  }

  /** Receives decoded names. */
  @FunctionalInterface
  interface NameConsumer {
    void accept(int ordinal, String name, String parameters);
  }

  /** All names of one suite, indexed by ordinal. */
  static List<Name> load(Connection c, long suiteId) throws SQLException {
    List<Name> names = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT first_ordinal, count, names FROM suite_tests WHERE suite_id = ? ORDER BY first_ordinal")) {
      ps.setLong(1, suiteId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          decode(
              rs.getBytes(3),
              rs.getInt(1),
              rs.getInt(2),
              (ordinal, name, parameters) -> names.add(new Name(name, parameters)));
        }
      }
    }
    return names;
  }
}
