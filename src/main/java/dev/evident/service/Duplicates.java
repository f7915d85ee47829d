package dev.evident.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds inputs whose content exactly repeats an earlier input, so that one file passed twice (or
 * copied into two report directories) is not counted twice. Only files of equal size are hashed.
 */
final class Duplicates {

  private Duplicates() {}

  /** Maps each duplicate to the first input with the same content. */
  static Map<Path, Path> find(List<Path> files) {
    Map<Long, List<Path>> bySize = new LinkedHashMap<>();
    for (Path f : files) {
      try {
        bySize.computeIfAbsent(Files.size(f), s -> new ArrayList<>()).add(f);
      } catch (IOException e) {
        // unreadable files are reported when they are read
      }
    }
    Map<Path, Path> duplicates = new HashMap<>();
    for (List<Path> same : bySize.values()) {
      if (same.size() < 2) {
        continue;
      }
      Map<String, Path> firstByHash = new HashMap<>();
      for (Path f : same) {
        String hash = sha256(f);
        if (hash == null) {
          continue;
        }
        Path first = firstByHash.putIfAbsent(hash, f);
        if (first != null) {
          duplicates.put(f, first);
        }
      }
    }
    return duplicates;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
