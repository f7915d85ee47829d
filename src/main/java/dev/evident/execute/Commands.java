package dev.evident.execute;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding programs on PATH and running short probe commands (versions, git) with a time limit. */
public final class Commands {

  private Commands() {}

  /** Where a program is: itself when it has a slash, else the first match on PATH. */
  public static Optional<Path> find(String program, Path workDir) {
    if (program.contains("/")) {
      Path p = workDir.resolve(program);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Why a program cannot be started, or null when it can. */
  static String missing(String program, Path workDir) {
    if (find(program, workDir).isPresent()) {
      return null;
    }
    if (program.contains("/") && Files.exists(workDir.resolve(program))) {
      return "permission denied: " + program + " is not executable (chmod +x " + program + ")";
    }
    return "command not found: " + program + (program.contains("/") ? "" : " (not on PATH)");
  }

  /**
   * Runs a short command and returns its output (stdout and stderr together, trimmed, at most the
   * first 64 KB), or empty when it is missing, fails or takes longer than {@code seconds}.
   */
  public static Optional<String> probe(Path workDir, long seconds, String... command) {
    if (find(command[0], workDir).isEmpty()) {
      return Optional.empty();
    }
    Path output = null;
    try {
      // Into a file, not a pipe: a probe that prints more than a pipe holds (git status in a tree
      // with thousands of changes) would otherwise block until its time limit and be lost.
      output = Files.createTempFile("evident-probe", ".out");
      Process p =
          new ProcessBuilder(List.of(command))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return Optional.empty();
      }
      byte[] out;
      try (var in = Files.newInputStream(output)) {
        out = in.readNBytes(64 * 1024);
      }
      return p.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }
}
