package dev.evident.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evident.analyze.Prices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads price tables: the one shipped in the jar ({@code prices.yaml} beside this class), a file
 * named by {@code --prices}, or the file named by {@code prices:} in evident.yaml.
 */
public final class PriceTables {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PriceTables() {}

  /** The shipped table. */
  public static Prices shipped() {
    try (InputStream in = PriceTables.class.getResourceAsStream("prices.yaml")) {
      return parse(YAML.readTree(in), "built-in prices");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in price table", e);
    }
  }

  /**
   * The shipped table, overridden by {@code file} when given, else by the {@code prices:} file of
   * evident.yaml in {@code workDir} when it names one.
   */
  public static Prices load(Path file, Path workDir) {
    Prices prices = shipped();
    Path override = file != null ? file : configured(workDir);
    return override == null ? prices : prices.with(read(override));
  }

  private static Path configured(Path workDir) {
    for (String name : ProjectConfigs.DEFAULT_FILES) {
      Path config = workDir.resolve(name);
      if (Files.isRegularFile(config)) {
        JsonNode root = tree(config);
        JsonNode prices = root.path("prices");
        if (prices.isTextual()) {
          Path p = Path.of(prices.asText());
          return p.isAbsolute() ? p : config.toAbsolutePath().getParent().resolve(p);
        }
        return null;
      }
    }
    return null;
  }

  static Prices read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("cannot read prices " + file + ": no such file");
    }
    return parse(tree(file), file.toString());
  }

  private static JsonNode tree(Path file) {
    try {
      JsonNode root = YAML.readTree(file.toFile());
      return root == null ? YAML.createObjectNode() : root;
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Prices parse(JsonNode root, String source) {
    JsonNode models = root.path("models");
    if (!models.isObject()) {
      throw new ConfigException(
          source
              + ": expected a 'models:' mapping of model name to input, cached_input, output"
              + " (US dollars per million tokens) and date");
    }
    Map<String, Prices.Price> table = new LinkedHashMap<>();
    for (var e : models.properties()) {
      JsonNode m = e.getValue();
      String model = e.getKey();
      double input = number(m, "input", source, model);
      double output = number(m, "output", source, model);
      double cached = m.has("cached_input") ? number(m, "cached_input", source, model) : input;
      String date = m.path("date").asText("");
      if (date.isBlank()) {
        throw new ConfigException(
            source + ": model " + model + " has no date; say when the price was taken");
      }
      table.put(model, new Prices.Price(input, cached, output, date, m.path("note").asText("")));
    }
    return new Prices(table, source);
  }

  private static double number(JsonNode m, String key, String source, String model) {
    JsonNode v = m.path(key);
    if (!v.isNumber() || v.asDouble() < 0) {
      throw new ConfigException(
          source
              + ": model "
              + model
              + " needs '"
              + key
              + "' as a non-negative number (US dollars per million tokens)");
    }
    return v.asDouble();
  }
}
