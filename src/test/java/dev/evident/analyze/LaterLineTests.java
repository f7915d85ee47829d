package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** A later line: a regular expression completed with what the rule's match captured. */
class LaterLineTests {

  private static Matcher failed(String text) {
    Matcher m = Pattern.compile("^(?<test>.+) FAILED$", Pattern.MULTILINE).matcher(text);
    assertThat(m.find()).isTrue();
    return m;
  }

  private static boolean foundAfter(String later, String text) {
    Matcher m = failed(text);
    return LaterLine.parse(later).foundAfter(text, m.end(), m);
  }

  @Test
  void slotsAreLettersAndDigitsWhileQuantifiersAndPropertyClassesStayPatternText() {
    LaterLine line = LaterLine.parse("^{test} PASSED \\p{Alpha}{2,3} \\d{1}{run2}");

    assertThat(line.names()).containsExactly("test", "run2");
    assertThat(line.source()).isEqualTo("^{test} PASSED \\p{Alpha}{2,3} \\d{1}{run2}");
  }

  @Test
  void theCapturedTextMatchesItselfEvenWithCharactersThatMeanSomethingInPatterns() {
    String text = "Suite > case(int) [1] FAILED\nSuite > case(int) [1] PASSED\n";

    assertThat(foundAfter("^{test} PASSED$", text)).isTrue();
    assertThat(foundAfter("^{test} PASSED$", text.replace("[1] PASSED", "[2] PASSED"))).isFalse();
  }

  @Test
  void onlyLinesAfterTheMatchCount() {
    assertThat(foundAfter("^{test} PASSED$", "a PASSED\na FAILED\n")).isFalse();
    assertThat(foundAfter("^{test} PASSED$", "a FAILED")).isFalse();
  }

  @Test
  void aSlotThePatternDoesNotCaptureNeverMatches() {
    assertThat(foundAfter("^{other} PASSED$", "a FAILED\na PASSED\n")).isFalse();
  }

  @Test
  void anInvalidExpressionIsRejectedWhenParsed() {
    assertThatThrownBy(() -> LaterLine.parse("^{test} (PASSED"))
        .isInstanceOf(PatternSyntaxException.class);
  }
}
