package dev.evident.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Round trips of MCP read tools over stdio: starts {@code EVIDENT mcp --db DB} with the SDK's
 * client, initializes, warms up, then times N calls of each tool one after the other and prints
 * p50, p95 and max per tool.
 *
 * <p>Usage: {@code McpBench EVIDENT DB [N]}
 */
public final class McpBench {

  private McpBench() {}

  public static void main(String[] args) {
    java.util.logging.Logger.getLogger("io.modelcontextprotocol")
        .setLevel(java.util.logging.Level.WARNING);
    String evident = args[0];
    String db = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    ServerParameters server =
        ServerParameters.builder(evident).args(List.of("mcp", "--db", db)).build();
    StdioClientTransport transport =
        new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(line -> System.err.println("evident mcp: " + line));
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(120))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    long start = System.nanoTime();
    client.initialize();
    System.out.printf(
        Locale.ROOT,
        "initialize: %.0f ms (JVM start included)%n",
        (System.nanoTime() - start) / 1e6);
    Map<String, Map<String, Object>> calls =
        Map.of(
            "get_run", Map.of("run", "latest"),
            "list_runs", Map.of("limit", 20));
    for (String tool : List.of("get_run", "list_runs")) {
      for (int i = 0; i < Math.max(50, n / 5); i++) {
        call(client, tool, calls.get(tool));
      }
    }
    for (String tool : List.of("get_run", "list_runs")) {
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        call(client, tool, calls.get(tool));
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "%-10s %,d round trips: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
          tool,
          n,
          ms[n / 2],
          ms[(int) Math.ceil(n * 0.95) - 1],
          ms[n - 1]);
    }
    client.closeGracefully();
  }

  private static void call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result =
        client.callTool(new McpSchema.CallToolRequest(tool, new java.util.HashMap<>(arguments)));
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(tool + " failed: " + result.content());
    }
  }
}
