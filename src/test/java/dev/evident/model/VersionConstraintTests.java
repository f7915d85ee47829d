package dev.evident.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionConstraintTests {

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          >=3.10        | 3.11.7        | true
          >=3.10        | 3.10          | true
          >=3.10        | 3.9.7         | false
          >=3.10        | 3.10.0rc1     | true
          >3.10         | 3.10.1        | true
          >3.10         | 3.10          | false
          <=3.12        | 3.12.4        | false
          <=3.12        | 3.12.0        | true
          <4            | 3.99          | true
          <4            | 4.0.0         | false
          ==21          | 21.0.2+13     | true
          ==21          | 22            | false
          ==3.10.*      | 3.10.14       | true
          !=3.12        | 3.12.1        | false
          !=3.12        | 3.13.0        | true
          >=3.10,<3.12  | 3.11.0        | true
          >=3.10,<3.12  | 3.12.0        | false
          >= 14 , < 15  | 14.2          | true
          >=1           | unknown       | false
          """)
  void everyClauseMustHoldAndNumbersAreComparedOneByOne(
      String constraint, String version, boolean allowed) {
    assertThat(VersionConstraint.parse(constraint).allows(version)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          3.10       | has no operator; write >=3.10 (at least) or ==3.10 (that release line)
          ^14        | use >=, >, <=, <, == or !=
          ~=3.10     | use >=, >, <=, <, == or !=
          >=three    | write an operator (>=, >, <=, <, ==, !=) and a version
          '>=3.10,'  | empty clause
          ''         | empty clause
          """)
  void rejectsWhatItCannotCompareAndSaysHowToWriteIt(String constraint, String message) {
    assertThatThrownBy(() -> VersionConstraint.parse(constraint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + constraint + "' is not a version constraint")
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} is written back as {1}")
  @CsvSource({"'>= 3.10', >=3.10", "'>=3.10, <4', '>=3.10,<4'", "==3.10.*, ==3.10"})
  void printsTheConstraintInItsShortestForm(String constraint, String printed) {
    assertThat(VersionConstraint.parse(constraint)).hasToString(printed);
  }

  @ParameterizedTest(name = "{0} breaks {1} first")
  @CsvSource({"'>=3.10,<3.12', 3.9, >=3.10", "'>=3.10,<3.12', 3.12.1, <3.12"})
  void namesTheFirstClauseAVersionBreaks(String constraint, String version, String clause) {
    assertThat(VersionConstraint.parse(constraint).violated(version))
        .hasValueSatisfying(c -> assertThat(c).hasToString(clause));
  }
}
