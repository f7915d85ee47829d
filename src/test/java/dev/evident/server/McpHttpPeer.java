package dev.evident.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.mcp.McpServers;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;

/**
 * The MCP SDK's own client over its streamable HTTP transport, talking to a real {@code evident
 * serve} at /mcp, with a bearer token when given. Not initialized: call {@link #initialize}.
 */
final class McpHttpPeer implements AutoCloseable {

  final McpSyncClient client;

  McpHttpPeer(String baseUrl, String token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(baseUrl)
            .endpoint("/mcp")
            .jsonMapper(McpServers.jsonMapper())
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> {
                  if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                  }
                })
            .build();
    this.client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
  }

  McpSchema.InitializeResult initialize() {
    return client.initialize();
  }

  McpSchema.CallToolResult result(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  /** The structured content of a call that must succeed. */
  @SuppressWarnings("unchecked")
  Map<String, Object> call(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result = result(tool, arguments);
    assertThat(result.isError()).as("%s failed: %s", tool, result.content()).isNotEqualTo(true);
    return (Map<String, Object>) result.structuredContent();
  }

  /** The text of a call that must be an error result. */
  String error(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result = result(tool, arguments);
    assertThat(result.isError()).as("%s: %s", tool, result.content()).isTrue();
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
