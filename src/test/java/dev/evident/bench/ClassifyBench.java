package dev.evident.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.analyze.FailureInput;
import dev.evident.analyze.RuleClassifier;
import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.service.ClassifyService;
import dev.evident.service.Rules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * In-process classification throughput on a JSONL file of failure texts (see {@code
 * bench/classify}): the classifier alone on one thread, then the whole batch path (JSON in,
 * classification on all cores, JSON out to nowhere), each after a warm-up pass. Prints texts/s.
 *
 * <p>Usage: {@code ClassifyBench FILE.jsonl [ROUNDS]}
 */
public final class ClassifyBench {

  private ClassifyBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<FailureInput> inputs = read(file);
    RuleClassifier classifier = new RuleClassifier(Rules.builtIn());

    Map<Category, Integer> mix = new EnumMap<>(Category.class);
    for (FailureInput f : inputs) {
      mix.merge(classifier.classify(f).category(), 1, Integer::sum);
    }
    System.out.println("texts: " + inputs.size() + ", categories: " + mix);

    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (FailureInput f : inputs) {
        Diagnosis d = classifier.classify(f);
        if (d.confidence() < 0) {
          throw new AssertionError(d); // keeps the call from being optimised away
        }
      }
      report("classifier, one thread", inputs.size(), start);
    }
    ClassifyService service = ClassifyService.open(Path.of(""), null);
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        ClassifyService.BatchSummary s = service.classifyJsonLines(in, Writer.nullWriter(), "");
        report("batch (JSON in and out, all cores)", (int) s.classified(), start);
      }
    }
  }

  private static void report(String what, int count, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-36s %,10.0f texts/s  (%.2f s)%n", what, count / seconds, seconds);
  }

  private static List<FailureInput> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<FailureInput> inputs = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          JsonNode node = json.readTree(line);
          inputs.add(FailureInput.ofText(node.path("runner").asText(), node.path("text").asText()));
        }
      }
    }
    return inputs;
  }
}
