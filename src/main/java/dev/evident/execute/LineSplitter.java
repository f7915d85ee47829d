package dev.evident.execute;

import java.nio.charset.StandardCharsets;

/** Splits bytes into lines for a progress counter. */
final class LineSplitter {
  private final ProgressCounter counter;
  private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

  LineSplitter(ProgressCounter counter) {
    this.counter = counter;
  }

  void feed(byte[] bytes, int length) {
    if (counter == ProgressCounter.NONE) {
      return;
    }
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        emit();
      } else if (line.size() < 64 * 1024) {
        line.write(b);
      }
    }
  }

  void finish() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    counter.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
