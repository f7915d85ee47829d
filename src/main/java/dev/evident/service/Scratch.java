package dev.evident.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The private temporary directory of one run: the runner's result files, Evident's plugins. */
final class Scratch {

  private Scratch() {}

  /**
   * A new private directory under the temporary one. Not {@link Files#createTempDirectory}: its
   * random names start a SecureRandom, which costs several milliseconds before the command can
   * start; the process id and a clock make the name unique, and creating it fails if it exists.
   */
  static Path create() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String prefix = "evident-run-" + ProcessHandle.current().pid() + "-";
    try {
      var owner =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
      for (int attempt = 0; ; attempt++) {
        try {
          return Files.createDirectory(tmp.resolve(prefix + System.nanoTime()), owner);
        } catch (FileAlreadyExistsException e) {
          if (attempt == 100) {
            throw e;
          }
        }
      }
    } catch (UnsupportedOperationException e) {
      return tempDirectory(); // not a POSIX file system
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("evident-run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is no reason to fail the run
    }
  }
}
