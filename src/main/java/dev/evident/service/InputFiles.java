package dev.evident.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths a user gave into the files to read: files as they are, directories walked
 * recursively, globs ({@code results/**}{@code /TEST-*.xml}) matched from their fixed prefix.
 */
final class InputFiles {

  /**
   * One file to read.
   *
   * @param path the file
   * @param name the name used in messages: the path as the user wrote it, or relative to the
   *     directory or glob base that found it
   * @param explicit whether the user named this file itself (then a file that is not a result file
   *     is an error; found in a directory, it is skipped)
   * @param place its directory below the directory or glob base that found it, or the directory a
   *     relative path names ({@code ledger-core/target/surefire-reports}); empty for none
   */
  record Candidate(Path path, String name, boolean explicit, String place) {

    Candidate(Path path, String name, boolean explicit) {
      this(path, name, explicit, "");
    }
  }

  private InputFiles() {}

  static List<Candidate> expand(List<String> arguments, Path base) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Candidate> files = new ArrayList<>();
    for (String argument : arguments) {
      List<Candidate> found = isGlob(argument) ? glob(argument, base) : path(argument, base);
      for (Candidate c : found) {
        if (seen.add(c.path().toAbsolutePath().normalize())) {
          files.add(c);
        }
      }
    }
    return files;
  }

  private static boolean isGlob(String argument) {
    return argument.chars().anyMatch(ch -> ch == '*' || ch == '?' || ch == '[' || ch == '{');
  }

  private static List<Candidate> path(String argument, Path base) {
    Path path = base.resolve(argument);
    if (Files.isRegularFile(path)) {
      return List.of(new Candidate(path, argument, true, place(Path.of(argument))));
    }
    if (Files.isDirectory(path)) {
      List<Candidate> files =
          walk(path).stream()
              .map(
                  p ->
                      new Candidate(
                          p, display(argument, path, p), false, place(path.relativize(p))))
              .toList();
      return files;
    }
    throw new InputException("no such file or directory: " + argument);
  }

  private static List<Candidate> glob(String argument, Path base) {
    String normalized = argument.replace('\\', '/');
    int firstWildcard = firstWildcard(normalized);
    int slash = normalized.lastIndexOf('/', firstWildcard);
    String prefix = slash < 0 ? "" : normalized.substring(0, slash);
    Path root = base.resolve(prefix.isEmpty() ? "." : prefix).normalize();
    String pattern = slash < 0 ? normalized : normalized.substring(slash + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    if (!Files.isDirectory(root)) {
      throw new InputException(
          "no files match "
              + argument
              + ": "
              + (prefix.isEmpty() ? "." : prefix)
              + " is not a directory");
    }
    List<Candidate> files = new ArrayList<>();
    for (Path p : walk(root)) {
      Path relative = root.relativize(p);
      if (matcher.matches(relative)) {
        String name = prefix.isEmpty() ? relative.toString() : prefix + "/" + relative;
        files.add(new Candidate(p, name, true, place(relative)));
      }
    }
    if (files.isEmpty()) {
      throw new InputException("no files match " + argument);
    }
    return files;
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '*' || ch == '?' || ch == '[' || ch == '{') {
        return i;
      }
    }
    return s.length();
  }

  /** The directory of a relative path, '/'-separated; empty for none, or for one that climbs. */
  static String place(Path relative) {
    Path parent = relative.getParent();
    if (relative.isAbsolute() || parent == null) {
      return "";
    }
    String place = parent.normalize().toString().replace('\\', '/');
    return place.equals(".") || place.startsWith("..") ? "" : place;
  }

  private static String display(String argument, Path dir, Path file) {
    String relative = dir.relativize(file).toString();
    return argument.endsWith("/") ? argument + relative : argument + "/" + relative;
  }

  private static List<Path> walk(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
