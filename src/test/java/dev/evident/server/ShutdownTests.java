package dev.evident.server;

import static dev.evident.server.Bodies.junit;
import static dev.evident.server.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownTests {

  @TempDir Path dir;

  @Test
  void closeLetsAnUploadInFlightFinishAndStoreItsRun() throws Exception {
    ServerFixture fx = new ServerFixture(dir).start();
    byte[] xml = utf8(junit("Slow", 50, 0));
    String url = fx.server.url();
    String response;
    try (Socket socket = new Socket("127.0.0.1", fx.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/projects/shop/runs?name=TEST-slow.xml HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nContent-Type: application/xml\r\n"
                  + "Connection: close\r\nContent-Length: "
                  + xml.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(xml, 0, 1000);
      out.flush();
      awaitUploadDirectory(dir.resolve("uploads"));

      CompletableFuture<Void> closing = CompletableFuture.runAsync(fx.server::close);
      out.write(xml, 1000, xml.length - 1000);
      out.flush();
      InputStream in = socket.getInputStream();
      response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      closing.get();
    }

    assertThat(response).startsWith("HTTP/1.1 201");
    assertThat(fx.workspace.runs().runs("shop", 10)).hasSize(1);
    assertThat(fx.log()).contains("server stopping").contains("server stopped");
    assertThatThrownBy(
            () ->
                fx.client.send(
                    HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    fx.server = null;
    fx.close();
  }

  /** Waits, with a deadline, until the server has started receiving an upload. */
  private static void awaitUploadDirectory(Path uploads) throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (Files.isDirectory(uploads)) {
        try (var files = Files.list(uploads)) {
          if (files.anyMatch(p -> p.getFileName().toString().startsWith("upload-"))) {
            return;
          }
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the server never started receiving the upload");
  }
}
