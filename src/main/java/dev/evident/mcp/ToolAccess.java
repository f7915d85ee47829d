package dev.evident.mcp;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * What the caller of a tool may see and do: everything (stdio, or a single-user server on
 * loopback), or, for an API token over HTTP, the runs of its one project, and run_tests only with
 * the run scope. A transport puts it in the {@link McpTransportContext} under {@link #KEY}.
 *
 * @param project the one project the caller sees, or null for every project
 * @param mayRun whether run_tests may start commands
 */
public record ToolAccess(String project, boolean mayRun) {

  /** The key of the access in a transport context. */
  public static final String KEY = "dev.evident.mcp.access";

  /** Everything: the single user. */
  public static final ToolAccess ALL = new ToolAccess(null, true);

  /** The access a transport context carries; a context without one is the single user (stdio). */
  static ToolAccess of(McpTransportContext context) {
    return context != null && context.get(KEY) instanceof ToolAccess access ? access : ALL;
  }

  /** True when the caller sees one project only. */
  boolean restricted() {
    return project != null;
  }
}
