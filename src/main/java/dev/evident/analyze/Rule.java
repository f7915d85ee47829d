package dev.evident.analyze;

import dev.evident.model.Category;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One classification rule: where a failure's text says something decisive, which category that is,
 * what to extract and what to advise. Rules are data (docs/rules.md); {@link RuleClassifier}
 * applies a list of them.
 *
 * @param id a stable name, unique in a rule list; user rules replace built-in ones by id
 * @param category what a match means
 * @param priority higher wins when several rules match one failure ({@link #defaultPriority})
 * @param runners runner names the rule applies to (ecosystems already expanded by {@link
 *     Runners#expand}); empty for every runner
 * @param parts the parts of the failure the patterns look at, in the order they are searched
 * @param literals the rule is tried only on lines containing one of these (case-sensitive); empty
 *     to try every line (slower)
 * @param patterns tried in order on each candidate line; the first that matches decides the
 *     entities (named groups)
 * @param also each must be found somewhere in the failure's text for the rule to apply
 * @param unless none may be found anywhere in the failure's text
 * @param later each must match a line after the matched one, in the same part, with the match's
 *     captures filled in: a test that failed and, further down, passed
 * @param entities derived entities, rendered in order after the captures (a later one may use an
 *     earlier one); an entity that renders empty is left out
 * @param confidence how sure a match makes the rule, in [0, 1]
 * @param remediation what to do, written from the entities
 */
public record Rule(
    String id,
    Category category,
    int priority,
    Set<String> runners,
    Set<Part> parts,
    List<String> literals,
    List<Pattern> patterns,
    List<Pattern> also,
    List<Pattern> unless,
    List<LaterLine> later,
    Map<String, Template> entities,
    double confidence,
    Template remediation) {

  /** A part of a failure that a rule can look at. */
  public enum Part {
    TYPE,
    MESSAGE,
    DETAILS,
    STDERR,
    STDOUT,
    CONSOLE;

    /** Every part, in search order. */
    public static Set<Part> ordered() {
      return new LinkedHashSet<>(Arrays.asList(values()));
    }

    /** The name the rule file uses: {@code details}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Output streams: a match only there is weaker evidence than one in the failure itself. */
    boolean isOutput() {
      return this == STDOUT || this == STDERR;
    }
  }

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    runners = Set.copyOf(runners);
    // Search order is fixed (the failure's own text first), whatever order the file lists.
    Set<Part> ordered = new LinkedHashSet<>();
    for (Part p : Part.values()) {
      if (parts.contains(p)) {
        ordered.add(p);
      }
    }
    parts = Collections.unmodifiableSet(ordered.isEmpty() ? Part.ordered() : ordered);
    literals = List.copyOf(literals);
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " has no pattern");
    }
    also = List.copyOf(also);
    unless = List.copyOf(unless);
    later = List.copyOf(later);
    entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    Objects.requireNonNull(remediation, "remediation");
  }

  /** Whether the rule applies to failures reported by {@code runner} (lower case, or empty). */
  boolean appliesTo(String runner) {
    return runners.isEmpty() || !Runners.isKnown(runner) || runners.contains(runner);
  }

  /**
   * The priority of a rule that names none: system causes first (they explain the symptoms that
   * follow them), the product's own assertion failures last. Explicit flakiness evidence (passed on
   * a rerun) outranks everything: whatever the failure said, the same code also passed.
   */
  public static int defaultPriority(Category category) {
    return switch (category) {
      case FLAKY_NONDETERMINISM -> 95;
      case PERMISSION_DENIED -> 90;
      case RESOURCE_EXHAUSTION -> 88;
      case CONFIGURATION_MISSING -> 85;
      case DEPENDENCY_CONFLICT -> 80;
      case MISSING_DEPENDENCY -> 75;
      case SERVICE_UNAVAILABLE -> 70;
      case SYNTAX_OR_COMPILE_ERROR -> 65;
      case API_BREAKING_CHANGE -> 60;
      case ASYNC_LIFECYCLE -> 55;
      case TIMEOUT -> 50;
      case TEST_SETUP_ERROR -> 45;
      case ASSERTION_FAILURE -> 30;
      case OTHER -> 10;
    };
  }
}
