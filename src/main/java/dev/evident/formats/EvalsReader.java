package dev.evident.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.EvalKeys;
import dev.evident.model.Excerpt;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON lines an evaluation or benchmark harness writes, one sample a line: {@code
 * {"sample": "t-17", "package": "math", "model": "m", "agent": "a", "outcome": "passed",
 * "duration_s": 12.5, "tokens": {"input": 1200, "output": 300, "cached": 800}, "cost_usd": 0.011,
 * "message": "..."}}. Only {@code sample} and {@code outcome} are required. A sample becomes a test
 * named by its id in a suite named by its package ({@code dataset} is taken for it too); model,
 * agent, package, tokens and cost become the test's properties under the names of {@link EvalKeys}.
 * A line that is not JSON is a warning, unless it is the last one: a harness killed while writing
 * leaves a cut line, reported as an error with the samples recovered before it.
 */
final class EvalsReader implements ResultReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public Format format() {
    return Format.EVALS;
  }

  /** Whether a line is a JSON object with top-level {@code sample} and {@code outcome} keys. */
  static boolean isSampleLine(String line) {
    String t = line.strip();
    if (!t.startsWith("{") || !t.contains("\"sample\"") || !t.contains("\"outcome\"")) {
      return false;
    }
    boolean sample = false;
    boolean outcome = false;
    try (JsonParser p = FACTORY.createParser(t)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        sample |= key.equals("sample");
        outcome |= key.equals("outcome");
        p.skipChildren();
      }
    } catch (IOException e) {
      // cut at the end of the sniffed head: judge by the keys seen
    }
    return sample && outcome;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    ProblemLog problems = new ProblemLog(input.name(), sink);
    long samples = 0;
    long lineNo = 0;
    String pendingBad = null;
    long pendingLine = 0;
    String firstModel = null;
    boolean warnedMixed = false;
    try (LineInput lines =
        new LineInput(new InputStreamReader(input.openOrFail(), StandardCharsets.UTF_8))) {
      while (lines.next()) {
        lineNo++;
        String text = lines.text();
        if (text.isBlank()) {
          continue;
        }
        if (pendingBad != null) {
          problems.warn("not a sample", pendingLine, pendingBad + "; line skipped");
          pendingBad = null;
        }
        JsonNode node;
        try {
          node = JSON.readTree(text);
        } catch (IOException e) {
          pendingBad = "line " + lineNo + " is not valid JSON";
          pendingLine = lineNo;
          continue;
        }
        if (node == null || !node.isObject()) {
          problems.warn("not a sample", lineNo, "line is not a JSON object; skipped");
          continue;
        }
        if (!node.hasNonNull("sample") || !node.get("sample").isValueNode()) {
          problems.warn("no sample id", lineNo, "line without a \"sample\" id; skipped");
          continue;
        }
        String model = text(node, "model");
        if (model != null && firstModel == null) {
          firstModel = model;
        }
        boolean other = model != null && !model.equals(firstModel);
        if (other && !warnedMixed) {
          warnedMixed = true;
          problems.warn(
              "mixed models",
              lineNo,
              "model "
                  + model
                  + " differs from "
                  + firstModel
                  + " of the first sample: its samples are kept as tests with parameters"
                  + " model=NAME; for one run per model ingest one file per model");
        }
        sink.test(sample(node, other ? "model=" + model : "", problems, lineNo));
        samples++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (pendingBad != null) {
      problems.error(
          pendingLine,
          0,
          "cannot read "
              + input.name()
              + ": truncated at line "
              + pendingLine
              + " ("
              + samples
              + " samples recovered)");
    }
    problems.finish();
  }

  private static TestResult sample(JsonNode node, String parameters, ProblemLog log, long line) {
    String id = node.get("sample").asText();
    String pkg = text(node, "package");
    if (pkg == null) {
      pkg = text(node, "dataset");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put(EvalKeys.SAMPLE, id);
    put(props, EvalKeys.MODEL, text(node, "model"));
    put(props, EvalKeys.AGENT, text(node, "agent"));
    put(props, EvalKeys.PACKAGE, pkg);
    JsonNode tokens = node.path("tokens");
    put(props, EvalKeys.TOKENS_INPUT, number(tokens.path("input")));
    put(props, EvalKeys.TOKENS_OUTPUT, number(tokens.path("output")));
    put(props, EvalKeys.TOKENS_CACHED, number(tokens.path("cached")));
    put(props, EvalKeys.COST_USD, number(node.path("cost_usd")));
    String raw = text(node, "outcome");
    Outcome outcome = outcome(raw);
    if (outcome == null) {
      log.warn(
          "unknown outcome",
          line,
          "outcome \"" + raw + "\" is none of passed, failed, error, skipped; counted as errored");
      outcome = Outcome.ERRORED;
    }
    Duration duration = null;
    JsonNode seconds = node.path("duration_s");
    if (seconds.isNumber() && seconds.asDouble() >= 0) {
      duration = Duration.ofNanos(Math.round(seconds.asDouble() * 1e9));
    }
    String message = text(node, "message");
    Failure failure =
        outcome == Outcome.PASSED || message == null
            ? Failure.NONE
            : new Failure("", message.length() > 4000 ? message.substring(0, 4000) : message, "");
    return new TestResult(
        new TestId(pkg == null ? "" : pkg, id, parameters),
        outcome,
        duration,
        failure,
        List.of(),
        Excerpt.EMPTY,
        Excerpt.EMPTY,
        null,
        List.of(),
        props);
  }

  private static Outcome outcome(String raw) {
    if (raw == null) {
      return null;
    }
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "passed", "pass", "success", "resolved" -> Outcome.PASSED;
      case "failed", "fail", "failure", "unresolved" -> Outcome.FAILED;
      case "error", "errored" -> Outcome.ERRORED;
      case "skipped", "skip" -> Outcome.SKIPPED;
      default -> null;
    };
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
  }

  private static String number(JsonNode v) {
    return v.isNumber() ? v.numberValue().toString() : null;
  }

  private static void put(Map<String, String> props, String key, String value) {
    if (value != null) {
      props.put(key, value);
    }
  }
}
