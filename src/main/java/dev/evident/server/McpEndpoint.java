package dev.evident.server;

import dev.evident.mcp.EvidentTools;
import dev.evident.mcp.McpServers;
import dev.evident.mcp.ToolAccess;
import dev.evident.service.Tasks;
import dev.evident.service.Workspace;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
 *
 * <p>The SDK's servlet and MCP server are made on the first request: most servers never get one,
 * and the SDK's transport starts a session sweeper thread that its close does not end.
 */
final class McpEndpoint implements AutoCloseable {

  static final String PATH = "/mcp";

  /** verify_report takes Markdown up to 16 MB; the JSON around it is small. */
  private static final int MAX_REQUEST_BYTES = 17 << 20;

  private final EvidentTools tools;
  private final McpGuard guard;
  private final Servlet servlet = new Servlet();
  private HttpServletStreamableServerTransportProvider transport;
  private McpSyncServer server;
  private boolean closed;

  /**
   * @param tasks the server's task queue, which run_tests queues suites to
   */
  McpEndpoint(
      Workspace workspace, Tasks tasks, ServerSettings settings, Auth auth, RequestLog log) {
    this.tools = new EvidentTools(workspace, tasks);
    this.guard = new McpGuard(settings, auth, log);
  }

  /** The SDK's servlet, made (with the MCP server over it) on the first request. */
  private synchronized HttpServletStreamableServerTransportProvider transport()
      throws ServletException {
    if (closed) {
      throw new ServletException("the MCP endpoint is stopping");
    }
    if (transport == null) {
      HttpServletStreamableServerTransportProvider t =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(McpServers.jsonMapper())
              .mcpEndpoint(PATH)
              .maxRequestSize(MAX_REQUEST_BYTES)
              .contextExtractor(McpEndpoint::context)
              .build();
      t.init(servlet.getServletConfig());
      server = McpServers.http(tools, t);
      transport = t;
      Thread.ofVirtual().name("evident-mcp-warm-up").start(tools::warmUp);
    }
    return transport;
  }

  /** The access the guard gave the request; none means the guard did not run, so nothing. */
  private static McpTransportContext context(HttpServletRequest request) {
    if (!(request.getAttribute(McpGuard.ACCESS) instanceof ToolAccess access)) {
      throw new IllegalStateException("MCP request without the guard's access: " + request);
    }
    return McpTransportContext.create(Map.of(ToolAccess.KEY, access));
  }

  /** Adds the servlet and its guard to Javalin's servlet context. */
  void mount(ServletContextHandler context) {
    ServletHolder holder = new ServletHolder("evident-mcp", servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, PATH);
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
    McpSyncServer started;
    synchronized (this) {
      closed = true;
      started = server;
    }
    if (started != null) {
      started.closeGracefully();
    }
  }

  /** Stops the runs run_tests started that are still going (stored as INTERRUPTED). */
  void stopRuns() {
    tools.close();
  }

  /** Hands each request to the SDK's servlet. */
  private final class Servlet extends HttpServlet {
    @Override
    public void service(ServletRequest request, ServletResponse response)
        throws ServletException, IOException {
      transport().service(request, response);
    }
  }
}
