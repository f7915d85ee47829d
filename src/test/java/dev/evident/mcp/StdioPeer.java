package dev.evident.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The MCP SDK's own client, talking to a real {@code evident mcp} process over its stdin and stdout
 * (started with this JVM and class path).
 */
final class StdioPeer implements AutoCloseable {

  final McpSyncClient client;
  final McpSchema.InitializeResult initialized;
  private boolean closed;

  private StdioPeer(McpSyncClient client) {
    this.client = client;
    this.initialized = client.initialize();
  }

  static StdioPeer start(Path db) {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ServerParameters server =
        ServerParameters.builder(java)
            .args(
                List.of(
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.evident.cli.Main",
                    "mcp",
                    "--db",
                    db.toString()))
            .build();
    StdioClientTransport transport = new StdioClientTransport(server, McpServers.jsonMapper());
    transport.setStdErrorHandler(line -> System.err.println("evident mcp: " + line));
    return new StdioPeer(
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(120))
            .initializationTimeout(Duration.ofSeconds(120))
            .build());
  }

  McpSchema.CallToolResult result(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  /** The structured content of a call that must succeed. */
  @SuppressWarnings("unchecked")
  Map<String, Object> call(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result = result(tool, arguments);
    assertThat(result.isError()).as("%s failed: %s", tool, result.content()).isNotEqualTo(true);
    assertThat(result.structuredContent()).isInstanceOf(Map.class);
    return (Map<String, Object>) result.structuredContent();
  }

  /** The message of a call that must fail with an error result. */
  String error(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result = result(tool, arguments);
    assertThat(result.isError()).as("%s should fail", tool).isTrue();
    assertThat(result.content()).hasSize(1);
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  /** Ends the server as clients do: stdin closed, then TERM; returns once it has exited. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      client.closeGracefully();
    }
  }
}
