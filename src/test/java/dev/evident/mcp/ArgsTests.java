package dev.evident.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tool arguments as JSON gives them: numbers of any width, strings, arrays, objects. */
class ArgsTests {

  private static Args args(Map<String, Object> raw) {
    return new Args("t", raw, Set.of("n", "s", "list", "map", "flag", "stream"));
  }

  @Test
  void takesWholeNumbersInAnyWidthAndRejectsFractionsAndOutOfRange() {
    assertThat(args(Map.of("n", 5L)).integer("n", 1, 0, 10)).isEqualTo(5);
    assertThat(args(Map.of("n", 5.0)).integer("n", 1, 0, 10)).isEqualTo(5);
    assertThat(args(Map.of()).integer("n", 7, 0, 10)).isEqualTo(7);
    assertThatThrownBy(() -> args(Map.of("n", 5.5)).integer("n", 1, 0, 10))
        .hasMessage("t: 'n' must be a whole number from 0 to 10, not 5.5");
    assertThatThrownBy(() -> args(Map.of("n", 11)).integer("n", 1, 0, 10))
        .isInstanceOf(BadArgumentException.class);
  }

  @Test
  void takesAStringAsAListOfOneAndRejectsOtherItems() {
    assertThat(args(Map.of("list", "a")).strings("list")).containsExactly("a");
    assertThat(args(Map.of("list", List.of("a", "b"))).strings("list")).containsExactly("a", "b");
    assertThatThrownBy(() -> args(Map.of("list", List.of("a", 1))).strings("list"))
        .hasMessageContaining("'list' must be an array of strings");
  }

  @Test
  void readsObjectValuesAsTextAndBlankStringsAsAbsent() {
    assertThat(args(Map.of("map", Map.of("k", 1))).stringMap("map")).containsEntry("k", "1");
    assertThat(args(Map.of("s", "  ")).string("s", "fallback")).isEqualTo("fallback");
    assertThat(args(Map.of("stream", "STDERR")).choice("stream", List.of("stdout", "stderr")))
        .isEqualTo("stderr");
  }

  @Test
  void namesTheValidArgumentsWhenAnUnknownOneIsSent() {
    assertThatThrownBy(() -> args(Map.of("limit", 1)))
        .hasMessage(
            "unknown argument 'limit' for t; valid arguments: flag, list, map, n, s, stream");
    assertThatThrownBy(() -> new Args("none", Map.of("x", 1), Set.of()))
        .hasMessage("unknown argument 'x' for none; it takes none");
  }

  @Test
  void saysWhichTypeABooleanOrAStringNeeds() {
    assertThatThrownBy(() -> args(Map.of("flag", "yes")).bool("flag", false))
        .hasMessage("t: 'flag' must be true or false, not \"yes\"");
    assertThatThrownBy(() -> args(Map.of("s", 3)).string("s"))
        .hasMessage("t: 's' must be a string, not 3");
  }
}
