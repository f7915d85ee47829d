package dev.evident.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runner output for adapter tests: fixture files next to this package, or text blocks. */
final class Output {

  private Output() {}

  /** The lines of src/test/resources/dev/evident/execute/{@code name}. */
  static List<String> fixture(String name) {
    try (InputStream in = Output.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** Feeds the lines to the adapter's progress counter and returns it. */
  static ProgressCounter follow(RunnerAdapter adapter, List<String> lines) {
    ProgressCounter counter = adapter.progress();
    lines.forEach(counter::line);
    return counter;
  }
}
