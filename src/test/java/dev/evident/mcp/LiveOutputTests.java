package dev.evident.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Excerpt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The output of a running command as get_logs shows it: the tail, from a whole line. */
class LiveOutputTests {

  @Test
  void keepsEverythingWhileItIsSmall() {
    LiveOutput out = new LiveOutput();
    byte[] bytes = "one\ntwo\n".getBytes(StandardCharsets.UTF_8);
    out.append(bytes, 0, 4);
    out.append(bytes, 4, 4);

    assertThat(out.excerpt()).isEqualTo(new Excerpt("one\ntwo\n", 8));
  }

  @Test
  void keepsTheLastBytesFromAWholeLineAndCountsAll() {
    LiveOutput out = new LiveOutput();
    byte[] line = "0123456789abcde\n".getBytes(StandardCharsets.UTF_8);
    int lines = 3 * LiveOutput.KEEP / line.length;
    for (int i = 0; i < lines; i++) {
      out.append(line, 0, line.length);
    }
    out.append("last\n".getBytes(StandardCharsets.UTF_8), 0, 5);

    Excerpt e = out.excerpt();
    assertThat(e.fullLength()).isEqualTo((long) lines * line.length + 5);
    assertThat(e.truncated()).isTrue();
    assertThat(e.text()).startsWith("0123456789abcde\n").endsWith("abcde\nlast\n");
    assertThat(e.text().length()).isBetween(LiveOutput.KEEP - line.length, 2 * LiveOutput.KEEP);
  }

  @Test
  void keepsTheTailOfOneHugeWrite() {
    LiveOutput out = new LiveOutput();
    byte[] huge = ("x".repeat(LiveOutput.KEEP) + "\nend\n").getBytes(StandardCharsets.UTF_8);
    out.append(huge, 0, huge.length);

    assertThat(out.excerpt().text()).isEqualTo("end\n");
    assertThat(out.excerpt().fullLength()).isEqualTo(huge.length);
  }
}
