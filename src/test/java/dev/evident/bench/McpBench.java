package dev.evident.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Round trips of MCP read tools over stdio ({@code EVIDENT mcp --db DB}) and over streamable HTTP
 * ({@code EVIDENT serve --db DB --port 0}, at /mcp), each with the SDK's client: initializes, warms
 * up, then times N calls of each tool one after the other and prints p50, p95 and max per tool and
 * transport.
 *
 * <p>Usage: {@code McpBench EVIDENT DB [N]}
 */
public final class McpBench {

  private static final List<String> TOOLS = List.of("get_run", "list_runs");
  private static final Map<String, Map<String, Object>> CALLS =
      Map.of(
          "get_run", Map.of("run", "latest"),
          "list_runs", Map.of("limit", 20));

  private McpBench() {}

  public static void main(String[] args) throws IOException {
    java.util.logging.Logger.getLogger("io.modelcontextprotocol")
        .setLevel(java.util.logging.Level.WARNING);
    String evident = args[0];
    String db = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());

    ServerParameters server =
        ServerParameters.builder(evident).args(List.of("mcp", "--db", db)).build();
    StdioClientTransport stdio = new StdioClientTransport(server, json);
    stdio.setStdErrorHandler(line -> System.err.println("evident mcp: " + line));
    bench("stdio", stdio, n);

    Process serve =
        new ProcessBuilder(evident, "serve", "--db", db, "--port", "0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String url = url(serve);
      bench(
          "http",
          HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").jsonMapper(json).build(),
          n);
    } finally {
      serve.destroy();
    }
  }

  /** The URL {@code evident serve} says it listens on (its stderr); the rest of stderr drained. */
  private static String url(Process serve) throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    String line;
    while ((line = err.readLine()) != null) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread.ofVirtual().start(() -> err.lines().forEach(l -> {}));
        return m.group(1);
      }
    }
    throw new IllegalStateException("evident serve ended before it listened");
  }

  private static void bench(String transport, McpClientTransport clientTransport, int n) {
    McpSyncClient client =
        McpClient.sync(clientTransport)
            .requestTimeout(Duration.ofSeconds(120))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    long start = System.nanoTime();
    client.initialize();
    System.out.printf(
        Locale.ROOT,
        "%-5s initialize: %.0f ms%s%n",
        transport,
        (System.nanoTime() - start) / 1e6,
        transport.equals("stdio") ? " (JVM start included)" : "");
    for (String tool : TOOLS) {
      for (int i = 0; i < Math.max(50, n / 5); i++) {
        call(client, tool, CALLS.get(tool));
      }
    }
    for (String tool : TOOLS) {
      double[] ms = new double[n];
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        call(client, tool, CALLS.get(tool));
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "%-5s %-10s %,d round trips: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
          transport,
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
