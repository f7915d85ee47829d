package dev.evident.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The names uploaded files and archive entries get on disk: inside the upload directory only. */
final class EntryNames {

  private EntryNames() {}

  /**
   * The relative path an entry name is written at, or null for a name that is only directories;
   * throws a 400 for a name that would leave the directory (absolute, {@code ..}, NUL).
   */
  static String safe(String name) {
    if (name == null || name.isBlank()) {
      return "upload";
    }
    String n = name.replace('\\', '/');
    if (n.indexOf('\0') >= 0
        || n.startsWith("/")
        || (n.length() > 1 && n.charAt(1) == ':')
        || ("/" + n + "/").contains("/../")) {
      throw HttpProblem.badRequest(
          "archive entry or file name "
              + name.replace('\0', '?')
              + " leaves the upload directory; rejected");
    }
    StringBuilder clean = new StringBuilder();
    for (String part : n.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      clean.append(clean.length() == 0 ? "" : "/").append(part);
    }
    return clean.length() == 0 || n.endsWith("/") ? null : clean.toString();
  }

  /** A path in {@code dir} for the name, with -2, -3 ... added when the name is taken. */
  static Path unique(Path dir, String relative) {
    Path target = dir.resolve(relative).normalize();
    if (!target.startsWith(dir)) {
      throw HttpProblem.badRequest("file name " + relative + " leaves the upload directory");
    }
    if (!Files.exists(target)) {
      return target;
    }
    String file = target.getFileName().toString();
    int dot = file.indexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    String ext = dot > 0 ? file.substring(dot) : "";
    for (int i = 2; ; i++) {
      Path candidate = target.resolveSibling(stem + "-" + i + ext);
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
  }
}
