package dev.evident.server;

import dev.evident.mcp.ToolAccess;
import dev.evident.model.Scope;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What stands before the MCP servlet at /mcp: the Origin header (a browser page of another origin
 * is refused with 403, against DNS rebinding; clients that are not browsers send none), on a
 * loopback server the Host header too (421), then the token as for the JSON API (scope read; the
 * caller's project and whether it may run become the request's {@link ToolAccess}); and one line
 * per request in the request log. Thread safe.
 */
final class McpGuard implements Filter {

  /** The request attribute holding the {@link ToolAccess} of a request let through. */
  static final String ACCESS = ToolAccess.KEY;

  private final DefaultServerTransportSecurityValidator headers;
  private final Auth auth;
  private final RequestLog log;

  McpGuard(ServerSettings settings, Auth auth, RequestLog log) {
    this.headers = validator(settings);
    this.auth = auth;
    this.log = log;
  }

  /**
   * Origins of loopback pages on any port, and of the bound host's pages when it is not loopback;
   * on a loopback server, only loopback names in Host.
   */
  static DefaultServerTransportSecurityValidator validator(ServerSettings settings) {
    List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));
    String bound = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    boolean wildcard = settings.host().equals("0.0.0.0") || settings.host().equals("::");
    if (!wildcard && !hosts.contains(bound)) {
      hosts.add(bound);
    }
    DefaultServerTransportSecurityValidator.Builder b =
        DefaultServerTransportSecurityValidator.builder();
    for (String host : hosts) {
      b.allowedOrigin("http://" + host + ":*").allowedOrigin("https://" + host + ":*");
      if (settings.loopback()) {
        b.allowedHost(host + ":*");
      }
    }
    return b.build();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    long start = System.nanoTime();
    try {
      headers.validate(accessor(req));
      Caller caller = auth.check(req.getHeader("Authorization"), Scope.READ, null);
      req.setAttribute(
          ACCESS,
          caller.singleUser()
              ? ToolAccess.ALL
              : new ToolAccess(caller.project(), caller.may(Scope.RUN)));
      chain.doFilter(req, res);
    } catch (ServerTransportSecurityException e) {
      refuse(
          res,
          e.getStatusCode(),
          e.getStatusCode() == 403
              ? "Origin "
                  + req.getHeader("Origin")
                  + " may not call this server's MCP endpoint (only pages of loopback or the"
                  + " server's own host may; clients that are not browsers send no Origin)"
              : "Host " + req.getHeader("Host") + " is not a name of this loopback server");
    } catch (HttpProblem e) {
      if (e.status() == 401) {
        res.setHeader("WWW-Authenticate", "Bearer");
      }
      refuse(res, e.status(), e.getMessage());
    }
    logWhenDone(req, res, start);
  }

  /** Streams (SSE) end after this filter returns: their line is written when they complete. */
  private void logWhenDone(HttpServletRequest req, HttpServletResponse res, long start) {
    Runnable line =
        () ->
            log.request(
                req.getMethod(),
                McpEndpoint.PATH,
                res.getStatus(),
                (System.nanoTime() - start) / 1e6,
                req.getRequestURI());
    if (!req.isAsyncStarted()) {
      line.run();
      return;
    }
    req.getAsyncContext()
        .addListener(
            new AsyncListener() {
              @Override
              public void onComplete(AsyncEvent event) {
                line.run();
              }

              @Override
              public void onTimeout(AsyncEvent event) {}

              @Override
              public void onError(AsyncEvent event) {}

              @Override
              public void onStartAsync(AsyncEvent event) {}
            });
  }

  private static void refuse(HttpServletResponse res, int status, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    res.setStatus(status);
    res.setContentType("application/json");
    res.getOutputStream().write(JsonBody.MAPPER.writeValueAsBytes(body));
  }

  private static HeaderAccessor accessor(HttpServletRequest req) {
    return new HeaderAccessor() {
      @Override
      public List<String> getHeader(String name) {
        return Collections.list(req.getHeaders(name));
      }

      @Override
      public List<String> getHeaderNames() {
        return Collections.list(req.getHeaderNames());
      }
    };
  }
}
