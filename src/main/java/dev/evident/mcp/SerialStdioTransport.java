package dev.evident.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport with its messages sent one at a time. Its session hands each message to
 * a sink that refuses a second thread while one is emitting; it retries for 100 ms and then drops
 * the message with "Failed to enqueue message" (java-sdk issues 686 and 875). Two tool calls
 * answering at once on a busy machine lost an answer that way, and the client waited for it
 * forever. Here a lock makes the sends take turns.
 */
final class SerialStdioTransport implements McpServerTransportProvider {

  private final StdioServerTransportProvider stdio;

  SerialStdioTransport(StdioServerTransportProvider stdio) {
    this.stdio = stdio;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    stdio.setSessionFactory(transport -> factory.create(new Serial(transport, new Object())));
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return stdio.notifyClients(method, params);
  }

  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    return stdio.notifyClient(sessionId, method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return stdio.closeGracefully();
  }

  @Override
  public void close() {
    stdio.close();
  }

  @Override
  public List<String> protocolVersions() {
    return stdio.protocolVersions();
  }

  /** A session transport whose sends hold {@code lock} while the SDK's emits the message. */
  private record Serial(McpServerTransport transport, Object lock) implements McpServerTransport {

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.defer(
          () -> {
            CompletableFuture<Void> sent;
            synchronized (lock) {
              // The SDK emits when its Mono is subscribed: toFuture subscribes here, in the lock.
              sent = transport.sendMessage(message).toFuture();
            }
            return Mono.fromFuture(sent);
          });
    }

    @Override
    public Mono<Void> closeGracefully() {
      return transport.closeGracefully();
    }

    @Override
    public void close() {
      transport.close();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      return transport.unmarshalFrom(data, type);
    }

    @Override
    public List<String> protocolVersions() {
      return transport.protocolVersions();
    }
  }
}
