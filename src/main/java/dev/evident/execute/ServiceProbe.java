package dev.evident.execute;

import dev.evident.model.Check;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Checks that a service answers: {@code tcp://HOST:PORT} accepts a connection, {@code
 * http(s)://...} answers a GET with 2xx or 3xx (redirects are not followed; the body is not read).
 */
final class ServiceProbe {

  private final Duration connectTimeout;
  private final Duration httpTimeout;
  private final Supplier<HttpClient> http;
  private final String configName;

  ServiceProbe(
      Duration connectTimeout, Duration httpTimeout, Supplier<HttpClient> http, String configName) {
    this.connectTimeout = connectTimeout;
    this.httpTimeout = httpTimeout;
    this.http = http;
    this.configName = configName;
  }

  static HttpClient client(Duration timeout) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  Check check(String name, String url) {
    String change = "change requires.services." + name + " in " + configName;
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      return Check.missing(Check.Kind.SERVICE, name, url + ": not a URL", change);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    return switch (scheme) {
      case "tcp" -> tcp(name, url, uri, change);
      case "http", "https" -> http(name, url, uri, change);
      default ->
          Check.missing(
              Check.Kind.SERVICE, name, url + ": not a tcp://, http:// or https:// URL", change);
    };
  }

  private Check tcp(String name, String url, URI uri, String change) {
    if (uri.getHost() == null || uri.getPort() <= 0) {
      return Check.missing(Check.Kind.SERVICE, name, url + ": no host and port", change);
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(uri.getHost(), uri.getPort()), (int) connectTimeout.toMillis());
      return Check.met(Check.Kind.SERVICE, name, url + " reachable");
    } catch (IOException | RuntimeException e) {
      return Check.missing(
          Check.Kind.SERVICE,
          name,
          url + ": " + why(e, uri, connectTimeout),
          "start it, or " + change);
    }
  }

  private Check http(String name, String url, URI uri, String change) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(httpTimeout).GET().build();
    try {
      HttpResponse<InputStream> response =
          http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      int status = response.statusCode();
      if (status >= 200 && status < 400) {
        return Check.met(Check.Kind.SERVICE, name, url + ": HTTP " + status);
      }
      return Check.missing(
          Check.Kind.SERVICE,
          name,
          url + ": HTTP " + status,
          "find out why it answers " + status + ", or " + change);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.missing(Check.Kind.SERVICE, name, url + ": check interrupted", change);
    } catch (IOException | RuntimeException e) {
      return Check.missing(
          Check.Kind.SERVICE,
          name,
          url + ": " + why(e, uri, httpTimeout),
          "start it, or " + change);
    }
  }

  /** Why a connection failed, in words; the JDK's exceptions often carry no message. */
  private static String why(Exception failure, URI uri, Duration timeout) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
        return "no answer within " + Preflight.seconds(timeout);
      }
      if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
        return "unknown host " + uri.getHost();
      }
      if (e instanceof ConnectException) {
        return e.getMessage() == null || e.getMessage().isBlank()
            ? "connection refused"
            : e.getMessage().toLowerCase(java.util.Locale.ROOT);
      }
      if (e instanceof SSLException) {
        return "TLS failed: " + e.getMessage();
      }
    }
    return failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }
}
