package dev.evident.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatsTests {

  private static Formats.Detection detect(String content) {
    return Formats.detect(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void detectsGoTestJsonThatStartsWithBuildOutputEvents() {
    var detection =
        detect(
            """
            {"ImportPath":"example.com/a [example.com/a.test]","Action":"build-output","Output":"# example.com/a\\n"}
            {"ImportPath":"example.com/a [example.com/a.test]","Action":"build-fail"}
            """);

    assertThat(detection.format()).isEqualTo(Format.GOTEST);
  }

  @Test
  void detectsGoTestJsonAfterMoreThanAHundredPlainLines() {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      content.append("go: downloading example.com/dep").append(i).append(" v1.0.0\n");
    }
    content.append("{\"Action\":\"start\",\"Package\":\"example.com/a\"}\n");

    assertThat(detect(content.toString()).format()).isEqualTo(Format.GOTEST);
  }

  @Test
  void detectsGoTestJsonWithAStrayLineBetweenEvents() {
    var detection =
        detect(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            |||not test2json|||
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0}
            """);

    assertThat(detection.format()).isEqualTo(Format.GOTEST);
  }

  @Test
  void plainGoTestOutputIsNotTakenForGoTestJson() {
    var detection =
        detect(
            """
            === RUN   TestA
            --- PASS: TestA (0.00s)
            PASS
            ok  \texample.com/a\t0.01s
            """);

    assertThat(detection.found()).isFalse();
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
