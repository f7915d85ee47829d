package dev.evident.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Content ids for texts stored once: the first 63 bits of a SHA-256, so that nobody can craft a
 * text that takes the id of another project's failure text.
 */
final class Hashes {

  private Hashes() {}

  /**
   * One digest per thread, reset by each {@link MessageDigest#digest}: looking the algorithm up for
   * every text (a provider search and its checks) cost more than hashing a stack trace.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  static long contentId(String... parts) {
    byte[][] utf8 = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      utf8[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    }
    return contentId(utf8);
  }

  /** The same id as {@link #contentId(String...)}, for parts already encoded as UTF-8. */
  static long contentId(byte[]... parts) {
    MessageDigest digest = SHA_256.get();
    for (byte[] bytes : parts) {
      digest.update(intBytes(bytes.length));
      digest.update(bytes);
    }
    byte[] hash = digest.digest();
    long id = 0;
    for (int i = 0; i < 8; i++) {
      id = (id << 8) | (hash[i] & 0xFF);
    }
    return id & Long.MAX_VALUE;
  }

  private static byte[] intBytes(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }
}
