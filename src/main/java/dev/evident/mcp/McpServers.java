package dev.evident.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;

/** MCP servers with Evident's tools, on the transport the caller chooses. */
public final class McpServers {

  static final String INSTRUCTIONS =
      "Evident keeps test runs with honest counts (every count with its denominator; a run that"
          + " executed nothing is EMPTY, never PASSED) and explains failures by root cause."
          + " run_tests starts a test command and returns a handle at once; get_run (wait_seconds)"
          + " follows it. The other tools read stored runs: name a run by id, latest, latest~N,"
          + " branch:NAME or a handle. Before stating test results in a status report, check it"
          + " with verify_report; get_report writes one from the results.";

  private McpServers() {}

  public static McpJsonMapper jsonMapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  /**
   * A server speaking MCP over {@code in} and {@code out} (newline-delimited JSON-RPC); nothing
   * else may write to {@code out}. It serves until {@code in} ends.
   */
  public static McpSyncServer stdio(EvidentTools tools, InputStream in, OutputStream out) {
    return configure(
        McpServer.sync(
            new SerialStdioTransport(new StdioServerTransportProvider(jsonMapper(), in, out))),
        tools);
  }

  /**
   * A server speaking MCP over a streamable HTTP transport (the SDK's servlet, mounted by {@code
   * evident serve} at /mcp). The transport's context may carry a {@link ToolAccess} per request.
   */
  public static McpSyncServer http(
      EvidentTools tools, McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport), tools);
  }

  private static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(
      McpServer.SyncSpecification<S> spec, EvidentTools tools) {
    return spec.serverInfo("evident", "0.1.0")
        .instructions(INSTRUCTIONS)
        .jsonMapper(jsonMapper())
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        // Tools check their arguments themselves: the error names the valid values.
        .validateToolInputs(false)
        .tools(tools.specifications())
        .build();
  }
}
