package dev.evident.service;

import dev.evident.execute.Invocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the result files a run wrote: the files at its result locations modified after the command
 * started. Older files are stale (an earlier build's reports) and never counted.
 */
final class ResultFiles {

  private ResultFiles() {}

  /**
   * What was found.
   *
   * @param candidates the files to read
   * @param stale how many matching files were older than the run
   * @param firstStale one of them, for the message, or null
   */
  record Found(List<InputFiles.Candidate> candidates, int stale, String firstStale) {}

  static Found find(List<Invocation.ResultLocation> locations, Instant started, Path workDir) {
    Set<Path> seen = new LinkedHashSet<>();
    List<InputFiles.Candidate> candidates = new ArrayList<>();
    int stale = 0;
    String firstStale = null;
    for (Invocation.ResultLocation location : locations) {
      Path root = location.root();
      if (!Files.isDirectory(root)) {
        if (Files.isRegularFile(root) && location.glob().isEmpty()) {
          if (fresh(root, started)) {
            candidates.add(new InputFiles.Candidate(root, root.toString(), true));
          } else {
            stale++;
            firstStale = firstStale == null ? root.toString() : firstStale;
          }
        }
        continue;
      }
      for (Path file : walk(root)) {
        Path relative = root.relativize(file);
        if (!location.matches(file) || !seen.add(file.toAbsolutePath().normalize())) {
          continue;
        }
        if (fresh(file, started)) {
          candidates.add(
              new InputFiles.Candidate(file, display(root, relative), false, place(file, workDir)));
        } else {
          stale++;
          firstStale = firstStale == null ? display(root, relative) : firstStale;
        }
      }
    }
    return new Found(candidates, stale, firstStale);
  }

  /**
   * The directory of a result file below the command's working directory
   * ("ledger-core/target/surefire-reports": a module, named by its directory), or empty.
   */
  private static String place(Path file, Path workDir) {
    Path dir = workDir.toAbsolutePath().normalize();
    Path full = file.toAbsolutePath().normalize();
    return full.startsWith(dir) ? InputFiles.place(dir.relativize(full)) : "";
  }

  private static String display(Path root, Path relative) {
    Path cwd = Path.of("").toAbsolutePath();
    Path full = root.toAbsolutePath().normalize().resolve(relative);
    return full.startsWith(cwd) ? cwd.relativize(full).toString() : full.toString();
  }

  /**
   * Written at or after the start. A second of slack covers file systems that keep modification
   * times in whole seconds; a stale file is an earlier build's, minutes or days older.
   */
  private static boolean fresh(Path file, Instant started) {
    try {
      return !Files.getLastModifiedTime(file).toInstant().isBefore(started.minusSeconds(1));
    } catch (IOException e) {
      return false;
    }
  }

  /** Directories that never hold a run's result files but can hold a great many files. */
  private static final Set<String> SKIPPED =
      Set.of(".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".gradle");

  private static List<Path> walk(Path root) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path d, java.nio.file.attribute.BasicFileAttributes a) {
              return !d.equals(root) && SKIPPED.contains(String.valueOf(d.getFileName()))
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path f, java.nio.file.attribute.BasicFileAttributes a) {
              if (a.isRegularFile()) {
                files.add(f);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }
}
