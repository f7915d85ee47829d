package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for rendered output, in src/test/resources/dev/evident/cli/golden/. Volatile values
 * are replaced by placeholders before comparing: the time a report was generated becomes {@code
 * <GENERATED>}. To regenerate after an intended change, run the tests with {@code
 * -Devident.golden.update=true} and review the diff: {@code ./mvnw -o test
 * -Dtest=ReportCommandTests -Devident.golden.update=true}.
 */
final class Golden {

  static final Path DIR = Path.of("src/test/resources/dev/evident/cli/golden");

  private Golden() {}

  /** The text with the generation time replaced, as golden files hold it. */
  static String normalized(String text) {
    return text.replaceAll("\"generated\" : \"[0-9T:.\\-]+Z\"", "\"generated\" : \"<GENERATED>\"")
        .replaceAll("generated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", "generated <GENERATED>");
  }

  static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    String text = normalized(actual);
    try {
      if (Boolean.getBoolean("evident.golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s (regenerate: -Devident.golden.update=true)", file)
          .exists();
      assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
