package dev.evident.cli;

import dev.evident.mcp.EvidentTools;
import dev.evident.mcp.McpServers;
import dev.evident.service.Workspace;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code evident mcp}: an MCP server on stdin and stdout for coding agents. The protocol owns
 * stdout: everything else this process prints (logs, stray output) goes to stderr.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description =
        "Serves Evident's tools to a coding agent over MCP on stdin/stdout (newline-delimited"
            + " JSON-RPC): run_tests, get_run, list_runs, diagnose_run, compare_runs, flaky_tests,"
            + " get_logs. Runs until stdin ends. Logs go to stderr.")
final class McpCommand implements Callable<Integer> {

  /** Kept as fields: java.util.logging holds its loggers weakly, and would forget the levels. */
  private static final Logger SDK_LOG = Logger.getLogger("io.modelcontextprotocol");

  private static final Logger REACTOR_LOG = Logger.getLogger("reactor");

  @Mixin GlobalOptions global;

  @Override
  public Integer call() {
    SDK_LOG.setLevel(global.verbose ? Level.INFO : Level.WARNING);
    REACTOR_LOG.setLevel(Level.WARNING);
    PrintStream protocol = System.out;
    System.setOut(System.err);
    CountDownLatch ended = new CountDownLatch(1);
    InputStream in = new EndWatchingInputStream(System.in, ended);
    try (Workspace workspace = global.open();
        EvidentTools tools = new EvidentTools(workspace)) {
      McpSyncServer server = McpServers.stdio(tools, in, protocol);
      Thread.ofVirtual().name("evident-mcp-warm-up").start(() -> warmUp(tools));
      // Clients close stdin and then send SIGTERM, often before the server is done: runs still
      // going are stopped and stored before the JVM ends, however it ends. Kept until exit.
      Runtime.getRuntime().addShutdownHook(new Thread(tools::close, "evident-mcp-stop"));
      try {
        ended.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.closeGracefully();
    } finally {
      System.setOut(protocol);
    }
    return ExitCodes.OK;
  }

  private static void warmUp(EvidentTools tools) {
    try {
      tools.warmUp();
    } catch (RuntimeException e) {
      // the first tool that diagnoses reports it, as an error result the agent reads
    }
  }

  /** Counts {@code ended} down when its input ends or fails: the client has gone. */
  private static final class EndWatchingInputStream extends FilterInputStream {
    private final CountDownLatch ended;

    EndWatchingInputStream(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return watch(() -> super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return watch(() -> super.read(b, off, len));
    }

    private int watch(IoRead read) throws IOException {
      try {
        int n = read.get();
        if (n < 0) {
          ended.countDown();
        }
        return n;
      } catch (IOException | RuntimeException e) {
        ended.countDown();
        throw e;
      }
    }

    @FunctionalInterface
    private interface IoRead {
      int get() throws IOException;
    }
  }
}
