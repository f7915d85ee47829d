package dev.evident.model;

/**
 * The usual defect groups of TAXONOMY.md (product bug, automation bug, system issue, to
 * investigate) plus flaky: they decide what a report puts first.
 */
public enum CategoryGroup {
  SYSTEM,
  AUTOMATION,
  PRODUCT,
  FLAKY,
  INVESTIGATE
}
