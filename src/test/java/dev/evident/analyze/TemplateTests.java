package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Remediation templates, and the literals derived from patterns that name none. */
class TemplateTests {

  private static final Map<String, Map<String, String>> TABLES =
      Map.of("pip", Map.of("yaml", "pyyaml", "google.protobuf", "protobuf"));

  private static String render(String template, Map<String, String> entities) {
    return Template.parse(template, TABLES).render(entities);
  }

  @Test
  void fillsEntitiesFallbacksAndTables() {
    Map<String, String> entities = Map.of("module", "yaml", "host", "db");

    assertThat(render("pip install {module@pip} for {module}", entities))
        .isEqualTo("pip install pyyaml for yaml");
    assertThat(render("start it on {host}:{port|5432}", entities)).isEqualTo("start it on db:5432");
    assertThat(render("{port|{host|somewhere}}", entities)).isEqualTo("db");
    assertThat(render("{{literal}} {missing}", entities)).isEqualTo("{literal} <missing>");
  }

  @Test
  void aTableLookupTriesDottedPrefixesThenTheFirstSegment() {
    assertThat(render("{m@pip}", Map.of("m", "google.protobuf.internal"))).isEqualTo("protobuf");
    assertThat(render("{m@pip}", Map.of("m", "requests.adapters"))).isEqualTo("requests");
    assertThat(render("{m@pip|unknown}", Map.of("m", "requests"))).isEqualTo("unknown");
  }

  @Test
  void renderIfCompleteGivesNullWhenANeededEntityIsAbsent() {
    Template t = Template.parse("{host}:{port}", TABLES);

    assertThat(t.renderIfComplete(Map.of("host", "db"))).isNull();
    assertThat(t.renderIfComplete(Map.of("host", "db", "port", "1"))).isEqualTo("db:1");
    assertThat(t.requiredNames()).containsExactly("host", "port");
  }

  @Test
  void badTemplatesSayWhatIsWrong() {
    assertThatThrownBy(() -> Template.parse("see {docs", TABLES))
        .hasMessage("unclosed { at position 5 (write {{ for a brace)");
    assertThatThrownBy(() -> Template.parse("a } b", TABLES))
        .hasMessage("unmatched } at position 3 (write }} for a brace)");
    assertThatThrownBy(() -> Template.parse("{bad name}", TABLES))
        .hasMessageStartingWith("bad placeholder '{bad name}'");
    assertThatThrownBy(() -> Template.parse("{m@npm}", TABLES))
        .hasMessage("unknown table 'npm' in {m@npm}; tables: pip");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      nullValues = "none",
      textBlock =
          """
          No module named '(?<module>[\\w.]+)'     ; No module named '
          ^E\\s+assert (?<a>.+)                     ; 'assert '
          Timeout of (?<limit>\\d+)ms exceeded     ; 'Timeout of '
          [Cc]onnection refused                   ; 'onnection refused'
          \\bToo many open files\\b                ; Too many open files
          colou?r blind                           ; 'r blind'
          refused|reset                           ; none
          (?i)connection refused                  ; none
          \\x41BC                                  ; none
          """)
  void derivesALiteralEveryMatchContains(String regex, String literal) {
    Optional<String> derived = Literals.derive(Pattern.compile(regex.strip()));

    assertThat(derived).isEqualTo(Optional.ofNullable(literal));
  }
}
