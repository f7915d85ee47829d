package dev.evident.cli;

import dev.evident.mcp.EvidentTools;
import dev.evident.mcp.McpServers;
import dev.evident.service.Workspace;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code evident mcp} session for the launcher's training run ({@link TrainingCommand}): the
 * stdio server, in this process over pipes, gets initialize, tools/list and a call of the common
 * tools, and answers into a sink. Each request waits for its answer, at most 30 seconds in all.
 */
final class McpTraining {

  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private McpTraining() {}

  /** Runs the session over the store {@code db}; returns how many answers came back. */
  static long run(String db) throws IOException {
    List<String> calls =
        List.of(
            "{\"name\":\"list_runs\",\"arguments\":{}}",
            "{\"name\":\"get_run\",\"arguments\":{\"run\":\"latest\"}}",
            "{\"name\":\"diagnose_run\",\"arguments\":{\"run\":\"1\"}}",
            "{\"name\":\"compare_runs\",\"arguments\":{}}",
            "{\"name\":\"verify_report\",\"arguments\":{\"markdown\":\"- 13 passing tests.\\n\"}}",
            "{\"name\":\"get_report\",\"arguments\":{\"run\":\"1\"}}",
            "{\"name\":\"get_report\",\"arguments\":{\"run\":\"1\",\"format\":\"json\"}}",
            "{\"name\":\"get_run\",\"arguments\":{\"run\":\"yesterday\"}}");
    LineCounter answers = new LineCounter();
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    try (Workspace workspace = Workspace.open(db);
        EvidentTools tools = new EvidentTools(workspace);
        PipedOutputStream requests = new PipedOutputStream()) {
      McpSyncServer server =
          McpServers.stdio(tools, new PipedInputStream(requests, 1 << 16), answers);
      try {
        send(
            requests,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"training\",\"version\":\"1\"}}}");
        if (!answers.await(1, deadline)) {
          return answers.lines();
        }
        send(requests, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(requests, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        for (int i = 0; i < calls.size(); i++) {
          if (!answers.await(i + 2, deadline)) {
            return answers.lines();
          }
          send(
              requests,
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + (i + 2)
                  + ",\"method\":\"tools/call\",\"params\":"
                  + calls.get(i)
                  + "}");
        }
        answers.await(calls.size() + 2, deadline);
        return answers.lines();
      } finally {
        requests.close(); // the server's input ends, as when a client goes
        server.closeGracefully();
      }
    }
  }

  private static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Discards what it is given, counting its lines. */
  private static final class LineCounter extends OutputStream {
    private long lines;

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines++;
        notifyAll();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    synchronized long lines() {
      return lines;
    }

    /** Whether {@code n} lines came before the deadline. */
    synchronized boolean await(long n, long deadline) {
      try {
        while (lines < n) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
