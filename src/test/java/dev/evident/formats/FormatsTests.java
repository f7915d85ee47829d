package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatsTests {

  private static Formats.Detection detect(String content) {
    return Formats.detect(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void detectsTapAfterAnNpmPreambleOrComments() {
    assertThat(detect("\n> pkg@1.0.0 test /work\n> tap test/*.js\n\nTAP version 13\n").format())
        .isEqualTo(Format.TAP);
    assertThat(detect("# a comment first\n# another\n1..0 # SKIP nothing to run\n").format())
        .isEqualTo(Format.TAP);
    assertThat(detect("# Subtest: test/a.js\n    ok 1 - works\n    1..1\nok 1 - test/a.js\n"))
        .extracting(Formats.Detection::format)
        .isEqualTo(Format.TAP);
  }

  @Test
  void detectsIndentedTapAndTapWithAByteOrderMark() {
    assertThat(detect("   TAP version 13\n   1..1\n   ok 1\n").format()).isEqualTo(Format.TAP);
    assertThat(detect("\uFEFF1..0\n").format()).isEqualTo(Format.TAP);
    assertThat(detect("\uFEFFnot ok - no number\n").format()).isEqualTo(Format.TAP);
  }

  @Test
  void doesNotTakeProseOrPlainGoTestOutputForTap() {
    assertThat(detect("1..10 retries left before giving up\n").found()).isFalse();
    assertThat(detect("ok  \texample.com/cart\t0.012s\n").found()).isFalse();
    assertThat(detect("okay, all done\n").found()).isFalse();
  }
}
