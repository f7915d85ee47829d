package dev.evident.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

  private final StringWriter err = new StringWriter();

  @Test
  void drawsOneRedrawnLineForLargeInputsAndClearsItAtTheEnd() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true);

    bar.update(16L << 20, 64L << 20, 1000);
    String drawn = err.toString();
    bar.close();

    assertThat(drawn).startsWith("\r  reading [").contains(" 25%").contains("16 of 64 MB");
    assertThat(err.toString()).endsWith("\r");
  }

  @Test
  void staysQuietForSmallInputsOrWhenStderrIsNotATerminal() {
    new ProgressBar(new PrintWriter(err), true).update(1 << 20, 2 << 20, 10);
    new ProgressBar(new PrintWriter(err), false).update(16L << 20, 64L << 20, 10);

    assertThat(err.toString()).isEmpty();
  }
}
