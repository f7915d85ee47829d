package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The labeled failure texts in {@code labeled/*.jsonl} and {@code fresh/*.jsonl} that
 * bench/diagnosis-accuracy measures the classifier on are well formed: one file per runner family,
 * one JSON object per line with a unique id, a taxonomy category, the text as the runner prints it
 * and a note saying why. The accuracy itself is measured by the script, not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabeledSetChecks {

  private final String directory;
  private final String idInfix;

  LabeledSetChecks(String directory, String idInfix) {
    this.directory = directory;
    this.idInfix = idInfix;
  }

  private static final List<String> FAMILIES =
      List.of("pytest", "unittest", "maven", "gradle", "jest", "vitest", "mocha", "go", "cargo");
  private static final int MIN_PER_CATEGORY = 10;
  private static final int MIN_RUNNERS_PER_CATEGORY = 4;
  private static final int MAX_TEXT_LINES = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One line of a labeled file; {@code json} is null when the line did not parse. */
  private record Line(String family, int number, JsonNode json) {
    String where() {
      return family + ".jsonl:" + number;
    }

    String field(String name) {
      JsonNode value = json.get(name);
      return value != null && value.isTextual() ? value.asText() : null;
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private final Set<String> missingFiles = new TreeSet<>();

  @BeforeAll
  void readAllFiles() {
    for (String family : FAMILIES) {
      try (InputStream in =
          LabeledSetChecks.class.getResourceAsStream(directory + "/" + family + ".jsonl")) {
        if (in == null) {
          missingFiles.add(family + ".jsonl");
          continue;
        }
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
          number++;
          if (!raw.isBlank()) {
            lines.add(new Line(family, number, parse(raw)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static JsonNode parse(String raw) {
    try {
      JsonNode node = JSON.readTree(raw);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private List<Line> parsed() {
    return lines.stream().filter(l -> l.json() != null).toList();
  }

  @Test
  void everyRunnerFamilyHasANonEmptyFile() {
    assertThat(missingFiles).as("missing labeled files").isEmpty();
    Set<String> withLines = new HashSet<>();
    lines.forEach(l -> withLines.add(l.family()));
    assertThat(withLines).containsExactlyInAnyOrderElementsOf(FAMILIES);
  }

  @Test
  void everyLineIsAJsonObjectWithIdRunnerCategoryTextAndNote() {
    List<String> problems = new ArrayList<>();
    for (Line line : lines) {
      if (line.json() == null) {
        problems.add(line.where() + ": not a JSON object");
        continue;
      }
      for (String name : List.of("id", "runner", "category", "text", "note")) {
        String value = line.field(name);
        if (value == null || value.isBlank()) {
          problems.add(line.where() + ": '" + name + "' missing, not a string, or blank");
        }
      }
      JsonNode entities = line.json().get("entities");
      if (entities != null && !entities.isObject()) {
        problems.add(line.where() + ": 'entities' is not an object");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(lines).isNotEmpty();
  }

  @Test
  void idsAreUniqueAndNameTheFileTheyAreIn() {
    Map<String, String> firstSeen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Line line : parsed()) {
      String id = line.field("id");
      if (id == null) {
        continue;
      }
      String earlier = firstSeen.putIfAbsent(id, line.where());
      if (earlier != null) {
        problems.add(line.where() + ": id " + id + " already used at " + earlier);
      }
      if (!id.matches(Pattern.quote(line.family() + idInfix) + "-\\d{3}")) {
        problems.add(
            line.where() + ": id " + id + " does not read " + line.family() + idInfix + "-NNN");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyCategoryIsATaxonomyId() {
    List<String> problems = new ArrayList<>();
    for (Line line : parsed()) {
      String category = line.field("category");
      try {
        Category.byId(category);
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(line.where() + ": category '" + category + "' is not a taxonomy id");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyCategoryHasEnoughExamplesFromEnoughRunners() {
    Map<Category, Integer> counts = new TreeMap<>();
    Map<Category, Set<String>> families = new TreeMap<>();
    for (Line line : parsed()) {
      Category category;
      try {
        category = Category.byId(line.field("category"));
      } catch (IllegalArgumentException e) {
        continue; // reported by everyCategoryIsATaxonomyId
      }
      counts.merge(category, 1, Integer::sum);
      families.computeIfAbsent(category, c -> new TreeSet<>()).add(line.family());
    }
    List<String> problems = new ArrayList<>();
    for (Category category : Category.values()) {
      int count = counts.getOrDefault(category, 0);
      Set<String> from = families.getOrDefault(category, Set.of());
      if (count < MIN_PER_CATEGORY || from.size() < MIN_RUNNERS_PER_CATEGORY) {
        problems.add(
            category.id() + ": " + count + " examples from " + from.size() + " runners " + from);
      }
    }
    assertThat(problems)
        .as("need >= %d examples from >= %d runners", MIN_PER_CATEGORY, MIN_RUNNERS_PER_CATEGORY)
        .isEmpty();
  }

  @Test
  void textsAreNonEmptyAndShortEnoughToRead() {
    List<String> problems = new ArrayList<>();
    for (Line line : parsed()) {
      String text = line.field("text");
      if (text == null || text.isBlank()) {
        problems.add(line.where() + ": empty text");
      } else if (text.lines().count() > MAX_TEXT_LINES) {
        problems.add(line.where() + ": " + text.lines().count() + " lines");
      }
    }
    assertThat(problems).isEmpty();
  }
}
