package dev.evident.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonStringsTests {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** Every UTF-16 code unit, lone surrogates and control characters included. */
  private static String everyChar() {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      s.append((char) c);
    }
    return s.append("😀 \"quoted\" back\\slash").toString();
  }

  @Test
  void writesMapsOfStringsExactlyAsJacksonDoes() throws Exception {
    Map<String, String> sorted = new TreeMap<>();
    sorted.put("git.branch", "main");
    sorted.put("", "");
    sorted.put("every\u0000char", everyChar());
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("z", "last\n\tline\r\f\b\u001f\u007f\u2028");
    ordered.put("a", "first");

    for (Map<String, String> map : List.of(sorted, ordered, Map.<String, String>of())) {
      assertThat(JsonStrings.write(map)).isEqualTo(JACKSON.writeValueAsString(map));
      assertThat(Sql.json(map)).isEqualTo(JACKSON.writeValueAsString(map));
    }
  }

  @Test
  void writesListsOfStringsExactlyAsJacksonDoes() throws Exception {
    for (List<String> list :
        List.of(List.of("slow", "it", everyChar()), List.<String>of(), List.of(""))) {
      assertThat(JsonStrings.write(list)).isEqualTo(JACKSON.writeValueAsString(list));
    }
  }

  @Test
  void leavesEverythingElseToJackson() throws Exception {
    Map<String, Object> mixed = new TreeMap<>();
    mixed.put("n", 1);
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("k", null);
    List<Object> numbers = new ArrayList<>(List.of(1, 2));

    assertThat(JsonStrings.write(mixed)).isNull();
    assertThat(JsonStrings.write(withNull)).isNull();
    assertThat(JsonStrings.write(numbers)).isNull();
    assertThat(JsonStrings.write("text")).isNull();
    assertThat(Sql.json(mixed)).isEqualTo("{\"n\":1}");
    assertThat(Sql.json(withNull)).isEqualTo("{\"k\":null}");
  }

  @Test
  void readsBackWhatItWritesAsJacksonWould() throws Exception {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("every", everyChar());
    map.put("", "");
    map.put("k", "v");
    List<String> list = List.of(everyChar(), "", "tag");
    String mapJson = JsonStrings.write(map);
    String listJson = JsonStrings.write(list);

    assertThat(JsonStrings.readMap(mapJson))
        .isEqualTo(map)
        .isEqualTo(JACKSON.readValue(mapJson, Map.class));
    assertThat(JsonStrings.readList(listJson))
        .isEqualTo(list)
        .isEqualTo(JACKSON.readValue(listJson, List.class));
    assertThat(JsonStrings.readMap("{}")).isEmpty();
    assertThat(JsonStrings.readList("[]")).isEmpty();
  }

  @Test
  void readsEscapesJacksonReadsTheSameWay() throws Exception {
    String json = "{\"a\\/b\":\"\\u0041\\u00e9\\ud83d\\ude00\\\"\",\"a\\/b\":\"last wins\"}";

    assertThat(JsonStrings.readMap(json)).isEqualTo(JACKSON.readValue(json, Map.class));
    assertThat(JsonStrings.readMap(json)).containsExactly(Map.entry("a/b", "last wins"));
  }

  @Test
  void leavesOtherJsonToJacksonAndBrokenJsonFailsAsBefore() {
    for (String other :
        List.of(
            "{ \"a\": \"b\" }",
            "{\"a\":1}",
            "{\"a\":null}",
            "{\"a\":\"b\"} ",
            "[\"a\",2]",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\u٣٣٣٣\"}",
            "{\"a\":\"b\"",
            "{\"a\":\"b\"}x")) {
      assertThat(JsonStrings.readMap(other)).as(other).isNull();
      assertThat(JsonStrings.readList(other)).as(other).isNull();
    }
    assertThat(Sql.stringMap("{ \"a\": 1 }")).containsExactly(Map.entry("a", "1"));
    assertThat(Sql.stringList("[\"a\", \"b\"]")).containsExactly("a", "b");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sql.stringMap("{\"a\":\"b\""))
        .isInstanceOf(StoreException.class);
  }
}
