package dev.evident.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The root-cause categories of ../shared/TAXONOMY.md. Their ids are part of Evident's public
 * interface (JSON, API, reports): keep them stable.
 */
public enum Category {
  DEPENDENCY_CONFLICT(CategoryGroup.SYSTEM),
  MISSING_DEPENDENCY(CategoryGroup.SYSTEM),
  SERVICE_UNAVAILABLE(CategoryGroup.SYSTEM),
  CONFIGURATION_MISSING(CategoryGroup.SYSTEM),
  SYNTAX_OR_COMPILE_ERROR(CategoryGroup.AUTOMATION),
  API_BREAKING_CHANGE(CategoryGroup.AUTOMATION),
  TIMEOUT(CategoryGroup.AUTOMATION),
  ASYNC_LIFECYCLE(CategoryGroup.AUTOMATION),
  ASSERTION_FAILURE(CategoryGroup.PRODUCT),
  TEST_SETUP_ERROR(CategoryGroup.AUTOMATION),
  RESOURCE_EXHAUSTION(CategoryGroup.SYSTEM),
  PERMISSION_DENIED(CategoryGroup.SYSTEM),
  FLAKY_NONDETERMINISM(CategoryGroup.FLAKY),
  OTHER(CategoryGroup.INVESTIGATE);

  private final CategoryGroup group;

  Category(CategoryGroup group) {
    this.group = group;
  }

  /** The id as TAXONOMY.md writes it: {@code service_unavailable}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public CategoryGroup group() {
    return group;
  }

  /** Whether this is a system-level cause (the environment, not the code under test). */
  public boolean system() {
    return group == CategoryGroup.SYSTEM;
  }

  /** The category with this id; IllegalArgumentException naming the valid ids otherwise. */
  public static Category byId(String id) {
    for (Category c : values()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown category '"
            + id
            + "'; use one of: "
            + Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", ")));
  }
}
