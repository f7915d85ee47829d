package dev.evident.server;

import dev.evident.mcp.EvidentTools;
import dev.evident.mcp.McpServers;
import dev.evident.mcp.ToolAccess;
import dev.evident.service.Workspace;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The MCP tools of {@code evident mcp} over the streamable HTTP transport at {@link #PATH}: the MCP
 * SDK's own servlet (its protocol, sessions and SSE) on Javalin's Jetty, next to Javalin's servlet,
 * behind {@link McpGuard}. Jetty 11 implements Servlet 5.0; the SDK's servlet is built against 6.1
 * but calls only methods that 5.0 has.
 */
final class McpEndpoint implements AutoCloseable {

  static final String PATH = "/mcp";

  /** verify_report takes Markdown up to 16 MB; the JSON around it is small. */
  private static final int MAX_REQUEST_BYTES = 17 << 20;

  private final EvidentTools tools;
  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;
  private final McpGuard guard;

  McpEndpoint(
      Workspace workspace, Object diagnosing, ServerSettings settings, Auth auth, RequestLog log) {
    this.tools = new EvidentTools(workspace, diagnosing);
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpServers.jsonMapper())
            .mcpEndpoint(PATH)
            .maxRequestSize(MAX_REQUEST_BYTES)
            .contextExtractor(McpEndpoint::context)
            .build();
    this.server = McpServers.http(tools, transport);
    // Warmed up on the first MCP request, not at start: most servers never see one.
    this.guard =
        new McpGuard(
            settings,
            auth,
            log,
            () -> Thread.ofVirtual().name("evident-mcp-warm-up").start(tools::warmUp));
  }

  /** The access the guard gave the request; none means the guard did not run, so nothing. */
  private static McpTransportContext context(jakarta.servlet.http.HttpServletRequest request) {
    if (!(request.getAttribute(McpGuard.ACCESS) instanceof ToolAccess access)) {
      throw new IllegalStateException("MCP request without the guard's access: " + request);
    }
    return McpTransportContext.create(Map.of(ToolAccess.KEY, access));
  }

  /** Adds the servlet and its guard to Javalin's servlet context. */
  void mount(ServletContextHandler context) {
    ServletHolder servlet = new ServletHolder("evident-mcp", transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, PATH);
    FilterHolder filter = new FilterHolder(guard);
    filter.setAsyncSupported(true);
    context.addFilter(filter, PATH, EnumSet.of(DispatcherType.REQUEST));
  }

  /**
   * Ends the MCP sessions (their open streams would hold the server's drain for its whole timeout);
   * the runs run_tests started are stopped by {@link #stopRuns}.
   */
  @Override
  public void close() {
    server.closeGracefully();
  }

  /** Stops the runs run_tests started that are still going (stored as INTERRUPTED). */
  void stopRuns() {
    tools.close();
  }
}
