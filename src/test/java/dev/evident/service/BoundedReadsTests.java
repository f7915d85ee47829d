package dev.evident.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedReadsTests {

  @Test
  void aTextThatFitsIsReadWhole() {
    assertThat(BoundedReads.headAndTail(new StringReader("abcdef"), 4, 2)).isEqualTo("abcdef");
    assertThat(BoundedReads.headAndTail(new StringReader("abc"), 4, 2)).isEqualTo("abc");
  }

  @Test
  void aLongerTextKeepsItsHeadAndTailAndSaysHowMuchWasLeftOut() {
    String text = "HEAD" + "x".repeat(200_000) + "TAIL";

    assertThat(BoundedReads.headAndTail(new StringReader(text), 4, 4))
        .isEqualTo("HEAD\n[... 200000 characters left out ...]\nTAIL");
  }
}
