package dev.evident.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code evident serve} runs.
 *
 * @param host the address to bind; 127.0.0.1 unless the user says otherwise
 * @param port the port, 0 for any free one
 * @param requireTokens true to require tokens even on loopback with no token defined
 * @param limits upload limits
 * @param uploadDir where uploads are unpacked while they are ingested (a temp dir)
 * @param drainTimeout how long a stop waits for requests in flight (uploads) to finish
 * @param tokenCacheTtl how long a token lookup, and whether tokens exist, is remembered
 */
public record ServerSettings(
    String host,
    int port,
    boolean requireTokens,
    UploadLimits limits,
    Path uploadDir,
    Duration drainTimeout,
    Duration tokenCacheTtl) {

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(uploadDir, "uploadDir");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(tokenCacheTtl, "tokenCacheTtl");
  }

  /** Loopback, any port, default limits: what tests start. */
  public static ServerSettings loopback(Path uploadDir) {
    return new ServerSettings(
        "127.0.0.1",
        0,
        false,
        UploadLimits.DEFAULT,
        uploadDir,
        Duration.ofSeconds(30),
        Duration.ZERO);
  }

  public ServerSettings withRequireTokens(boolean require) {
    return new ServerSettings(host, port, require, limits, uploadDir, drainTimeout, tokenCacheTtl);
  }

  public ServerSettings withLimits(UploadLimits newLimits) {
    return new ServerSettings(
        host, port, requireTokens, newLimits, uploadDir, drainTimeout, tokenCacheTtl);
  }

  public ServerSettings withHost(String newHost) {
    return new ServerSettings(
        newHost, port, requireTokens, limits, uploadDir, drainTimeout, tokenCacheTtl);
  }

  /** True when {@link #host} is a loopback address (127.0.0.0/8, ::1, localhost). */
  public boolean loopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Limits on one upload.
   *
   * @param maxBytes the request body (compressed, as sent)
   * @param maxUnpackedBytes all files of an archive, unpacked
   * @param maxEntries files in an archive
   */
  public record UploadLimits(long maxBytes, long maxUnpackedBytes, int maxEntries) {
    public static final UploadLimits DEFAULT = new UploadLimits(100L << 20, 1L << 30, 10_000);
  }
}
