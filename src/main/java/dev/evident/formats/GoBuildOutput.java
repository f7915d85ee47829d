package dev.evident.formats;

import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.RunError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build output in a {@code go test -json} stream, kept to explain a package that failed to build:
 * since Go 1.24 as {@code build-output} events per ImportPath, before that as plain lines from the
 * go command's stderr ({@code # pkg} and compiler errors) mixed into the stream. Memory is bounded
 * per package; only packages with build output are kept. Not thread safe.
 */
final class GoBuildOutput {

  private static final int KEEP = 8 * 1024;

  /** Build output of one ImportPath or one {@code # pkg} block. */
  private static final class Block {
    final BoundedText text = new BoundedText(KEEP, KEEP);
    final long line;
    boolean failed;
    boolean used;
    int lines;

    Block(long line) {
      this.line = line;
    }

    void add(String s) {
      text.append(s);
      lines++;
    }
  }

  private final Map<String, Block> events = new LinkedHashMap<>();
  private final Map<String, Block> plain = new LinkedHashMap<>();

  /** The {@code # pkg} block that plain lines belong to now, or null. */
  private String plainBlock;

  void event(String importPath, String output, long line) {
    events.computeIfAbsent(key(importPath), k -> new Block(line)).add(output == null ? "" : output);
  }

  void eventFailed(String importPath, long line) {
    events.computeIfAbsent(key(importPath), k -> new Block(line)).failed = true;
  }

  /**
   * Takes a line that is not JSON. Returns whether it is build output: a {@code # pkg} header, the
   * lines after it, or a compiler or go command error.
   */
  boolean plainLine(String line, long number) {
    if (GoOutputLines.buildHeader(line)) {
      plainBlock = GoOutputLines.importPathPackage(line);
    } else if (plainBlock == null && !GoOutputLines.buildError(line)) {
      return false;
    }
    Block block =
        plain.computeIfAbsent(plainBlock == null ? "" : plainBlock, k -> new Block(number));
    block.add(line + "\n");
    block.failed |= GoOutputLines.buildError(line);
    return true;
  }

  /** A JSON line ends a block of plain build output. */
  void endPlainBlock() {
    plainBlock = null;
  }

  /** The build output that explains why a package failed to build, or null when none was seen. */
  String forPackage(String pkg, String failedBuild) {
    Block block = failedBuild == null ? null : events.get(key(failedBuild));
    if (block == null) {
      for (Map.Entry<String, Block> e : events.entrySet()) {
        if (GoOutputLines.importPathPackage(e.getKey()).equals(pkg)) {
          block = e.getValue();
          break;
        }
      }
    }
    if (block == null) {
      block = plain.get(pkg);
    }
    if (block == null) {
      block = plain.get("");
    }
    if (block == null) {
      return null;
    }
    block.used = true;
    return block.text.text();
  }

  /**
   * Failed builds that no package failure named, as run errors: a dependency or the whole go
   * command failed before any test binary ran.
   */
  List<RunError> unclaimed(String file) {
    List<RunError> errors = new ArrayList<>();
    for (Map<String, Block> blocks : List.of(events, plain)) {
      blocks.forEach(
          (key, block) -> {
            if (block.failed && !block.used) {
              String text = block.text.text().strip();
              errors.add(
                  new RunError(
                      RunError.Kind.BUILD,
                      GoOutputLines.importPathPackage(key),
                      new Failure(
                          "", GoOutputLines.firstBuildError(text, "the build failed"), text),
                      Location.of(file, block.line)));
            }
          });
    }
    return errors;
  }

  /** Plain lines kept as build output that explain nothing: headers without an error below. */
  int unusedPlainLines() {
    return plain.values().stream().filter(b -> !b.failed && !b.used).mapToInt(b -> b.lines).sum();
  }

  /** The line where the first of {@link #unusedPlainLines} is, or 0. */
  long firstUnusedPlainLine() {
    return plain.values().stream()
        .filter(b -> !b.failed && !b.used)
        .mapToLong(b -> b.line)
        .min()
        .orElse(0);
  }

  private static String key(String importPath) {
    return importPath == null ? "" : importPath;
  }
}
