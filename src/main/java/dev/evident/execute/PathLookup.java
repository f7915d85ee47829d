package dev.evident.execute;

import dev.evident.model.Check;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds commands the way a shell does: a name with a slash is a path (relative to the work
 * directory), any other name is looked up in the directories of PATH; a match must be a regular
 * file with the executable bit. PATHEXT is not consulted.
 */
final class PathLookup {

  private final Map<String, String> env;
  private final Path workDir;

  PathLookup(Map<String, String> env, Path workDir) {
    this.env = env;
    this.workDir = workDir;
  }

  /** The executable a command name runs, if any. */
  Optional<Path> find(String command) {
    if (command.contains("/") || command.contains(File.separator)) {
      Path path = workDir.resolve(command);
      return executable(path) ? Optional.of(path) : Optional.empty();
    }
    for (String dir : path()) {
      Path candidate = resolve(dir, command);
      if (candidate != null && executable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  Check check(String command) {
    Optional<Path> found = find(command);
    if (found.isPresent()) {
      return Check.met(Check.Kind.COMMAND, command, found.get().toString());
    }
    if (command.contains("/") || command.contains(File.separator)) {
      Path path = workDir.resolve(command);
      return Files.isRegularFile(path)
          ? Check.missing(
              Check.Kind.COMMAND, command, path + " is not executable", "chmod +x " + command)
          : Check.missing(
              Check.Kind.COMMAND, command, path + " does not exist", "create " + command);
    }
    if (env.get("PATH") == null) {
      return Check.missing(Check.Kind.COMMAND, command, "not found: PATH is not set", "set PATH");
    }
    for (String dir : path()) {
      Path candidate = resolve(dir, command);
      if (candidate != null && Files.isRegularFile(candidate)) {
        return Check.missing(
            Check.Kind.COMMAND,
            command,
            candidate + " is on PATH but not executable",
            "chmod +x " + candidate + ", or install " + command + " or put it on PATH");
      }
    }
    return Check.missing(
        Check.Kind.COMMAND,
        command,
        "not found on PATH",
        "install " + command + " or put it on PATH");
  }

  private String[] path() {
    String path = env.get("PATH");
    return path == null || path.isEmpty() ? new String[0] : path.split(File.pathSeparator);
  }

  private static Path resolve(String dir, String command) {
    if (dir.isEmpty()) {
      return null; // an empty entry means "." to some shells; Evident does not guess
    }
    try {
      return Path.of(dir, command);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static boolean executable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
