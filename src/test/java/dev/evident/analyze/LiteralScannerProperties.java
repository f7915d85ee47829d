package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The one-pass scanner finds each literal exactly where String.indexOf does. */
class LiteralScannerProperties {

  @Property(tries = 300)
  void findsTheFirstOccurrenceOfEveryLiteralLikeIndexOf(
      @ForAll @Size(min = 1, max = 30)
          List<@NotEmpty @StringLength(max = 6) @CharRange(from = 'a', to = 'd') String> literals,
      @ForAll @StringLength(max = 400) @CharRange(from = 'a', to = 'e') String text) {
    String[] distinct = literals.stream().distinct().toArray(String[]::new);

    int[] first = new LiteralScanner(distinct).firstIndexes(text);

    for (int i = 0; i < distinct.length; i++) {
      assertThat(first[i]).as(distinct[i]).isEqualTo(text.indexOf(distinct[i]));
    }
  }

  @Property(tries = 100)
  void handlesCharactersOutsideAsciiInTextsAndLiterals(
      @ForAll @StringLength(max = 200) @CharRange(from = 'x', to = 'z') String text) {
    String[] literals = {"xy", "ü-z", "zz"};
    String withUmlauts = text.replace('y', 'ü');

    int[] first = new LiteralScanner(literals).firstIndexes(withUmlauts);

    for (int i = 0; i < literals.length; i++) {
      assertThat(first[i]).isEqualTo(withUmlauts.indexOf(literals[i]));
    }
  }
}
