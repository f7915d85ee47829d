package dev.evident.model;

import java.util.Objects;

/**
 * The stable identity of a test across runs and formats: suite (class name, describe block or file
 * path) + name + parameters. Parametrized variants are distinct tests. The project is not part of
 * this record; the store scopes identities by project.
 *
 * @param suite the suite, class or file the test belongs to; empty when the format gives none
 * @param name the test's name without its parameters
 * @param parameters the parameter text, e.g. {@code "1-a"} for pytest's {@code test_x[1-a]}; empty
 *     when not parametrized
 */
public record TestId(String suite, String name, String parameters) {

  public TestId {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, "parameters");
  }

  public TestId(String suite, String name) {
    this(suite, name, "");
  }

  /**
   * Splits a trailing bracketed parameter list off a test name, as pytest, JUnit 5 and Jest write
   * them: {@code test_add[1-2]} becomes name {@code test_add}, parameters {@code 1-2}.
   */
  public static TestId parse(String suite, String fullName) {
    int end = fullName.length() - 1;
    if (end > 0 && fullName.charAt(end) == ']') {
      int open = fullName.indexOf('[');
      if (open > 0) {
        return new TestId(suite, fullName.substring(0, open), fullName.substring(open + 1, end));
      }
    }
    return new TestId(suite, fullName, "");
  }

  /** The name as the runner printed it, parameters included. */
  public String displayName() {
    return parameters.isEmpty() ? name : name + "[" + parameters + "]";
  }

  /** A 64-bit key of this identity; equal identities have equal keys. */
  public long key() {
    return key(suiteKey(suite), name, parameters);
  }

  /**
   * The part of {@link #key} that depends on the suite alone, for a writer of many tests of one
   * suite to compute once: {@code key(suiteKey(s), n, p)} equals {@code new TestId(s, n, p).key()}.
   */
  public static long suiteKey(String suite) {
    return mix(0x9E3779B97F4A7C15L, suite);
  }

  /** The key of the test {@code name[parameters]} of the suite whose {@link #suiteKey} is given. */
  public static long key(long suiteKey, String name, String parameters) {
    long h = mix(suiteKey ^ 0x1F, name);
    h = mix(h ^ 0x2F, parameters);
    return finish(h);
  }

  private static long mix(long h, String s) {
    int n = s.length();
    h ^= n;
    for (int i = 0; i < n; i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    return h * 0xBF58476D1CE4E5B9L;
  }

  private static long finish(long h) {
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 32;
    return h;
  }

  @Override
  public String toString() {
    return suite.isEmpty() ? displayName() : suite + " > " + displayName();
  }
}
