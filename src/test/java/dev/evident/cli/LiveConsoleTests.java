package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.service.RunService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveConsoleTests {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static RunService.Progress progress(long finished, long failed) {
    return new RunService.Progress() {
      @Override
      public long finished() {
        return finished;
      }

      @Override
      public long failed() {
        return failed;
      }
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void passesOutputThroughAndDrawsTheProgressLineBetweenLines() {
    try (LiveConsole console =
        new LiveConsole(new PrintWriter(out), new PrintWriter(err), false, true)) {
      console.started(Instant.now(), progress(340, 2));
      console.output(false, bytes("collected 400 items\n"), 0, 20);

      assertThat(out.toString()).isEqualTo("collected 400 items\n");
      assertThat(err.toString())
          .contains("evident: running")
          .contains("340 tests done")
          .contains("2 failed");

      err.getBuffer().setLength(0);
      console.output(false, bytes("....."), 0, 5);
      // the command's line is open: drawing now would overwrite it
      assertThat(err.toString()).isEqualTo("\r\033[2K");
    }
    assertThat(out.toString()).endsWith(".....");
  }

  @Test
  void keepsCharactersSplitAcrossChunksWhole() {
    try (LiveConsole console =
        new LiveConsole(new PrintWriter(out), new PrintWriter(err), false, false)) {
      byte[] text = bytes("grüße\n");
      console.output(false, text, 0, 3);
      console.output(false, text, 3, text.length - 3);
    }
    assertThat(out.toString()).isEqualTo("grüße\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void quietShowsNothingOfTheCommand() {
    try (LiveConsole console =
        new LiveConsole(new PrintWriter(out), new PrintWriter(err), true, false)) {
      console.output(true, bytes("noise\n"), 0, 6);
    }
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }
}
