package dev.evident.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of {@code evident run} share: a store in a temporary directory, the real command
 * line with its output captured, and the fixture projects of src/test/resources/dev/evident/run.
 */
abstract class RunCommandFixture {

  @TempDir Path dir;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int evident(String... args) {
    return Cli.run(out, err, Cli.withDb(dir.resolve("evident.db"), args));
  }

  JsonNode json() throws IOException {
    String text = out.toString();
    return new ObjectMapper().readTree(text.substring(text.indexOf('{')));
  }

  /** Copies a fixture project from src/test/resources/dev/evident/run into the temp dir. */
  Path fixture(String name) throws IOException {
    Path target = dir.resolve(name);
    Path source = Path.of("src/test/resources/dev/evident/run", name);
    try (var paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }
}
