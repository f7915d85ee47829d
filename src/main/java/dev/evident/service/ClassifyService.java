package dev.evident.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.analyze.FailureInput;
import dev.evident.analyze.Rule;
import dev.evident.analyze.RuleClassifier;
import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code evident classify}: the root cause of a failure text, a whole CI log, or a batch of JSON
 * lines, with the built-in rules and the user's. Thread safe.
 */
public final class ClassifyService {

  /** How much of a log is read: its head and its tail, each this many characters. */
  static final int LOG_HEAD = 8 << 20;

  static final int LOG_TAIL = 8 << 20;

  private static final int BATCH = 4096;
  private static final int MAX_ERRORS_KEPT = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] PARTS = {
    "type", "message", "details", "stdout", "stderr", "console"
  };

  private final RuleClassifier classifier;

  private ClassifyService(RuleClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * The service with the built-in rules and the user's (see {@link Rules#load}).
   *
   * @throws ConfigException when the user's rule file has an error
   */
  public static ClassifyService open(Path workDir, Path userRulesOrNull) {
    return new ClassifyService(Rules.classifier(workDir, userRulesOrNull));
  }

  /**
   * A rule in effect, as {@code evident classify --list-rules} shows it.
   *
   * @param runners the runner names it applies to, sorted; empty for all
   */
  public record RuleInfo(String id, Category category, int priority, List<String> runners) {
    public RuleInfo {
      runners = List.copyOf(runners);
    }
  }

  /** The rules in effect, in file order. */
  public List<RuleInfo> rules() {
    List<RuleInfo> infos = new ArrayList<>();
    for (Rule r : classifier.rules()) {
      infos.add(
          new RuleInfo(
              r.id(), r.category(), r.priority(), new TreeSet<>(r.runners()).stream().toList()));
    }
    return infos;
  }

  /** Classifies one failure text (a message, a stack trace, a test's output). */
  public Diagnosis classify(String runner, String text) {
    return classifier.classify(FailureInput.ofText(runner, text));
  }

  /**
   * Classifies a whole text read from {@code in}, a CI log say: its first and last 8 M characters
   * are read (memory stays bounded whatever the size) and all of that is searched.
   */
  public Diagnosis classifyLog(String runner, Reader in) {
    String text = BoundedReads.headAndTail(in, LOG_HEAD, LOG_TAIL);
    return classifier.withTextLimit(LOG_HEAD, LOG_TAIL).classify(FailureInput.ofText(runner, text));
  }

  /**
   * What a batch did.
   *
   * @param classified lines classified
   * @param rejected lines that were not a JSON object with a text (each answered with an error line
   *     in its place)
   * @param firstErrors the first few of those errors, "line N: why"
   */
  public record BatchSummary(long classified, long rejected, List<String> firstErrors) {
    public BatchSummary {
      firstErrors = List.copyOf(firstErrors);
    }
  }

  /**
   * Batch mode: reads JSON lines {@code {"id": ..., "text": ..., "runner": ...}} (or the parts
   * {@code type}, {@code message}, {@code details}, {@code stdout}, {@code stderr}, {@code console}
   * instead of {@code text}) and writes one JSON line per input line, in order: {@code {"id",
   * "category", "confidence", "evidence", "entities", "remediation", "rule"}}, or {@code {"id",
   * "line", "error"}} for a line that cannot be read. Blank lines are skipped. Lines are classified
   * in parallel, a batch at a time.
   *
   * @param defaultRunner the runner of lines that name none
   */
  public BatchSummary classifyJsonLines(Reader in, Writer out, String defaultRunner) {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    long lineNumber = 0;
    long classified = 0;
    long rejected = 0;
    List<String> errors = new ArrayList<>();
    try {
      List<String> batch = new ArrayList<>(BATCH);
      List<Long> numbers = new ArrayList<>(BATCH);
      for (String line; ; ) {
        line = lines.readLine();
        if (line != null) {
          lineNumber++;
          if (!line.isBlank()) {
            batch.add(line);
            numbers.add(lineNumber);
          }
        }
        if (batch.size() == BATCH || (line == null && !batch.isEmpty())) {
          Answer[] answers = new Answer[batch.size()];
          IntStream.range(0, batch.size())
              .parallel()
              .forEach(i -> answers[i] = answer(batch.get(i), numbers.get(i), defaultRunner));
          for (Answer a : answers) {
            out.write(a.json());
            out.write('\n');
            if (a.error() != null) {
              rejected++;
              if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(a.error());
              }
            } else {
              classified++;
            }
          }
          batch.clear();
          numbers.clear();
        }
        if (line == null) {
          break;
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BatchSummary(classified, rejected, errors);
  }

  private record Answer(String json, String error) {}

  private Answer answer(String line, long number, String defaultRunner) {
    JsonNode id = null;
    String runner = defaultRunner;
    String[] parts = new String[PARTS.length];
    String text = null;
    String problem = null;
    try (JsonParser p = JSON.getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return error(null, number, "not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("id")) {
          id = p.readValueAsTree();
          continue;
        }
        int part = name.equals("text") ? -1 : Arrays.asList(PARTS).indexOf(name);
        boolean textual = name.equals("text") || name.equals("runner") || part >= 0;
        if (!textual || value == JsonToken.VALUE_NULL) {
          p.skipChildren();
        } else if (value != JsonToken.VALUE_STRING) {
          problem = problem != null ? problem : "\"" + name + "\" must be a string";
          p.skipChildren();
        } else if (name.equals("runner")) {
          runner = p.getText();
        } else if (part >= 0) {
          parts[part] = p.getText();
        } else {
          text = p.getText();
        }
      }
    } catch (JsonProcessingException e) {
      return error(id, number, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (problem != null) {
      return error(id, number, problem);
    }
    if (text != null) {
      parts[2] = parts[2] == null ? text : parts[2] + "\n" + text;
    }
    if (Arrays.stream(parts).allMatch(Objects::isNull)) {
      return error(id, number, "no \"text\" (nor type, message, details, stdout, stderr)");
    }
    Diagnosis d =
        classifier.classify(
            new FailureInput(runner, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]));
    return new Answer(json(id, d), null);
  }

  /** A diagnosis as JSON: the fields of the batch output, entities sorted by name. */
  public static Map<String, Object> toMap(Diagnosis d) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("category", d.category().id());
    map.put("confidence", d.confidence());
    map.put("evidence", d.evidence());
    map.put("entities", new TreeMap<>(d.entities()));
    map.put("remediation", d.remediation());
    map.put("rule", d.rule());
    return map;
  }

  /** One output line, written directly: the batch path's hot spot besides the rules. */
  private static String json(JsonNode id, Diagnosis d) {
    StringWriter out = new StringWriter(256 + d.evidence().length() + d.remediation().length());
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("id");
      if (id == null) {
        g.writeNull();
      } else {
        g.writeTree(id);
      }
      g.writeStringField("category", d.category().id());
      g.writeNumberField("confidence", d.confidence());
      g.writeStringField("evidence", d.evidence());
      g.writeObjectFieldStart("entities");
      for (var e : new TreeMap<>(d.entities()).entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeStringField("remediation", d.remediation());
      g.writeStringField("rule", d.rule());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Answer error(JsonNode id, long line, String why) {
    ObjectNode node = NODES.objectNode();
    node.set("id", id == null ? NODES.nullNode() : id);
    node.put("line", line);
    String message = "line " + line + ": " + why;
    node.put("error", message);
    return new Answer(write(node), message);
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
