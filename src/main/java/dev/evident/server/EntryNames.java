package dev.evident.server;

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

  /** The name, with -2, -3 ... added when an earlier file of the upload has it. */
  static String unique(
      java.util.List<dev.evident.service.IngestService.UploadedFile> files, String name) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    files.forEach(f -> taken.add(f.name()));
    if (!taken.contains(name)) {
      return name;
    }
    int slash = name.lastIndexOf('/');
    int dot = name.indexOf('.', slash + 1);
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 2; ; i++) {
      String candidate = stem + "-" + i + ext;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}
