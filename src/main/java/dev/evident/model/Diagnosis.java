package dev.evident.model;

import java.util.Map;
import java.util.Objects;

/**
 * Why a test failed, as far as the evidence shows.
 *
 * @param category the root-cause category
 * @param confidence how sure, in [0, 1]
 * @param evidence the line of the failure text that decided it (empty when nothing matched)
 * @param entities what a person needs to act: package names and versions, host:port, env var, file,
 *     the renamed parameter and its replacement, the missing command
 * @param remediation what to do, written from the entities
 * @param rule the id of the rule that matched, or empty
 */
public record Diagnosis(
    Category category,
    double confidence,
    String evidence,
    Map<String, String> entities,
    String remediation,
    String rule) {

  public Diagnosis {
    Objects.requireNonNull(category, "category");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    evidence = evidence == null ? "" : evidence;
    entities = Map.copyOf(entities);
    remediation = remediation == null ? "" : remediation;
    rule = rule == null ? "" : rule;
  }

  /** Nothing matched: {@code other}, low confidence, the first line shown as the evidence. */
  public static Diagnosis unknown(String firstLine) {
    return new Diagnosis(
        Category.OTHER,
        0.2,
        firstLine,
        Map.of(),
        "read the failure and its output; label it (evident label) so that the next one is known",
        "");
  }
}
