package dev.evident.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The versions a requirement allows: comma-separated clauses that must all hold, such as {@code
 * >=3.10} or {@code >=3.10,<4}. Operators are {@code >=}, {@code >}, {@code <=}, {@code <}, {@code
 * ==} and {@code !=}. Versions are compared number by number, missing numbers counting as 0; {@code
 * ==} and {@code !=} compare only the numbers the clause names, so {@code ==21} allows 21.0.2 and
 * {@code ==3.10.*} is the same as {@code ==3.10}. Suffixes after the numbers (rc1, +8, _292) are
 * ignored.
 */
public record VersionConstraint(List<Clause> clauses) {

  private static final Pattern CLAUSE =
      Pattern.compile("(>=|<=|==|!=|>|<)\\s*(\\d+(?:\\.\\d+)*)(\\.\\*)?");
  private static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)*");

  /** A comparison operator. */
  public enum Operator {
    AT_LEAST(">="),
    ABOVE(">"),
    AT_MOST("<="),
    BELOW("<"),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    static Operator of(String symbol) {
      for (Operator op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException(symbol);
    }
  }

  /** One comparison: an operator and the numbers of a version. */
  public record Clause(Operator operator, List<Integer> version) {
    public Clause {
      Objects.requireNonNull(operator, "operator");
      version = List.copyOf(version);
      if (version.isEmpty()) {
        throw new IllegalArgumentException("a clause needs a version");
      }
    }

    boolean allows(List<Integer> found) {
      return switch (operator) {
        case AT_LEAST -> compare(found, version) >= 0;
        case ABOVE -> compare(found, version) > 0;
        case AT_MOST -> compare(found, version) <= 0;
        case BELOW -> compare(found, version) < 0;
        case EQUAL -> startsWith(found, version);
        case NOT_EQUAL -> !startsWith(found, version);
      };
    }

    @Override
    public String toString() {
      return operator.symbol + join(version);
    }
  }

  public VersionConstraint {
    clauses = List.copyOf(clauses);
    if (clauses.isEmpty()) {
      throw new IllegalArgumentException("a constraint needs at least one clause");
    }
  }

  /**
   * Parses {@code >=3.10,<4}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and how to write it
   */
  public static VersionConstraint parse(String text) {
    List<Clause> clauses = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String clause = part.strip();
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new IllegalArgumentException(whyNot(text, clause));
      }
      clauses.add(new Clause(Operator.of(m.group(1)), numbers(m.group(2))));
    }
    return new VersionConstraint(clauses);
  }

  private static String whyNot(String text, String clause) {
    String quoted = "'" + text + "' is not a version constraint";
    if (clause.isEmpty()) {
      return quoted + ": empty clause; write e.g. >=3.10 or >=3.10,<4";
    }
    if (NUMBERS.matcher(clause).matches()) {
      return quoted
          + ": '"
          + clause
          + "' has no operator; write >="
          + clause
          + " (at least) or =="
          + clause
          + " (that release line)";
    }
    if (clause.startsWith("~") || clause.startsWith("^") || clause.startsWith("=")) {
      return quoted + ": use >=, >, <=, <, == or !=, e.g. >=3.10,<4";
    }
    return quoted + ": write an operator (>=, >, <=, <, ==, !=) and a version, e.g. >=3.10,<4";
  }

  /**
   * The leading numbers of a version as a tool prints it: {@code 3.11.7} for "3.11.7rc1", empty
   * when it does not start with a digit.
   */
  public static List<Integer> numbers(String version) {
    Matcher m = NUMBERS.matcher(version);
    if (!m.lookingAt()) {
      return List.of();
    }
    List<Integer> numbers = new ArrayList<>();
    for (String n : m.group().split("\\.")) {
      numbers.add(n.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(n));
    }
    return numbers;
  }

  /** Whether every clause allows the version; false for a version without leading numbers. */
  public boolean allows(String version) {
    return violated(version).isEmpty();
  }

  /** The first clause the version breaks, if any (a version without numbers breaks the first). */
  public Optional<Clause> violated(String version) {
    List<Integer> found = numbers(version);
    if (found.isEmpty()) {
      return Optional.of(clauses.get(0));
    }
    return clauses.stream().filter(c -> !c.allows(found)).findFirst();
  }

  @Override
  public String toString() {
    return clauses.stream().map(Clause::toString).collect(Collectors.joining(","));
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int c = Integer.compare(at(a, i), at(b, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static boolean startsWith(List<Integer> found, List<Integer> prefix) {
    for (int i = 0; i < prefix.size(); i++) {
      if (at(found, i) != prefix.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static int at(List<Integer> numbers, int i) {
    return i < numbers.size() ? numbers.get(i) : 0;
  }

  private static String join(List<Integer> numbers) {
    return numbers.stream().map(String::valueOf).collect(Collectors.joining("."));
  }
}
