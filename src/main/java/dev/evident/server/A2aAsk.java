package dev.evident.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an A2A message asks of Evident, read from its parts: run a declared suite, or verify a
 * status report.
 *
 * <ul>
 *   <li>a data part {@code {"suite": "smoke", "parameters": {...}}}, or the same as JSON text;
 *   <li>the evaluator style {@code {"participants": {"agent": "http://..."}, "config": {"suite":
 *       "smoke", "max_tasks": 5}}}: {@code config.suite} names the suite, the other config entries
 *       are its parameters, and each participant is a parameter named by its role;
 *   <li>either with a list of models ({@code "models"}, {@code config.models}): the suite once per
 *       model, one A2A task {@code group-N} for them all;
 *   <li>a data part {@code {"report": "MARKDOWN", "project": ..., "runs": [...], "baseline": ...}},
 *       or any text that is not such JSON: a status report to verify.
 * </ul>
 */
sealed interface A2aAsk {

  /** Run a declared suite with these parameters. */
  record RunSuite(String suite, Map<String, Object> parameters) implements A2aAsk {
    public RunSuite {
      parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /** Run a declared suite once per model, the runs compared: a group of server tasks. */
  record RunModels(String suite, Map<String, Object> parameters, List<String> models)
      implements A2aAsk {
    public RunModels {
      parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
      models = List.copyOf(models);
    }
  }

  /** Verify a Markdown report against stored runs (the latest, or those named). */
  record Verify(String markdown, String project, List<String> runs, String baseline)
      implements A2aAsk {
    public Verify {
      runs = List.copyOf(runs);
    }
  }

  /** Reads the {@code message} of SendMessage's params. */
  static A2aAsk of(JsonNode message) {
    if (message == null || !message.isObject()) {
      throw A2aError.invalidParams(
          "params.message is missing: send {\"message\": {\"role\": ..., \"parts\": [...]}}");
    }
    JsonNode parts = message.get("parts");
    if (parts == null || !parts.isArray() || parts.isEmpty()) {
      throw A2aError.invalidParams(
          "params.message.parts is empty: send a data part {\"suite\": NAME, \"parameters\": {...}}"
              + " or a text part with a Markdown report to verify");
    }
    List<JsonNode> data = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (JsonNode part : parts) {
      if (part.has("data")) {
        data.add(part.get("data"));
      } else if (part.has("text")) {
        text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
      } else if (part.has("file") || part.has("raw") || part.has("url")) {
        throw new A2aError(
            A2aError.CONTENT_TYPE_NOT_SUPPORTED,
            "file parts are not read: send the suite request as a data part or JSON text, a report"
                + " as text");
      } else {
        throw A2aError.invalidParams("a part has neither text nor data: " + part);
      }
    }
    for (JsonNode d : data) {
      if (d.isObject() && (d.has("suite") || d.has("participants") || d.has("report"))) {
        return request(d);
      }
    }
    String body = text.toString().strip();
    if (body.startsWith("{")) {
      JsonNode json = parse(body);
      if (json != null && (json.has("suite") || json.has("participants") || json.has("report"))) {
        return request(json);
      }
    }
    if (!body.isEmpty()) {
      return new Verify(text.toString(), null, List.of(), null);
    }
    throw A2aError.invalidParams(
        "no data part names a suite (\"suite\"), an evaluator request (\"participants\", \"config\")"
            + " or a report (\"report\"), and there is no text");
  }

  private static JsonNode parse(String text) {
    try {
      return JsonBody.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static A2aAsk request(JsonNode d) {
    if (d.has("report")) {
      JsonNode report = d.get("report");
      if (!report.isTextual() || report.asText().isBlank()) {
        throw A2aError.invalidParams("\"report\" must be the Markdown text of a status report");
      }
      List<String> runs = new ArrayList<>();
      JsonNode r = d.get("runs");
      if (r != null && !r.isNull()) {
        if (!r.isArray()) {
          throw A2aError.invalidParams("\"runs\" must be a list of run references (12, latest)");
        }
        r.forEach(n -> runs.add(n.asText()));
      }
      return new Verify(report.asText(), text(d, "project"), runs, text(d, "baseline"));
    }
    if (d.has("participants")) {
      return evaluator(d);
    }
    String suite = text(d, "suite");
    if (suite == null || suite.isBlank()) {
      throw A2aError.invalidParams("\"suite\" must name a declared suite");
    }
    JsonNode parameters = d.get("parameters");
    if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
      throw A2aError.invalidParams("\"parameters\" must be an object {NAME: VALUE}");
    }
    List<String> models = models(d.get("models"), "\"models\"");
    return models == null
        ? new RunSuite(suite, values(parameters))
        : new RunModels(suite, values(parameters), models);
  }

  /** A list of model names, or null when absent. */
  private static List<String> models(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> models = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(m -> models.add(m.isTextual() ? m.asText() : null));
    }
    if (!node.isArray() || models.contains(null)) {
      throw A2aError.invalidParams(
          name
              + " must be a list of model names, e.g. [\"m1\", \"m2\"]: the suite runs once per model");
    }
    return models;
  }

  private static A2aAsk evaluator(JsonNode d) {
    JsonNode participants = d.get("participants");
    JsonNode config = d.get("config");
    if (!participants.isObject()) {
      throw A2aError.invalidParams("\"participants\" must be an object {ROLE: ENDPOINT}");
    }
    if (config == null || !config.isObject()) {
      throw A2aError.invalidParams(
          "an evaluator request needs \"config\": {\"suite\": NAME, ...parameters}");
    }
    String suite = text(config, "suite");
    if (suite == null || suite.isBlank()) {
      throw A2aError.invalidParams("config.suite must name the declared suite to run");
    }
    List<String> models = models(config.get("models"), "config.models");
    Map<String, Object> parameters = values(config);
    parameters.remove("suite");
    parameters.remove("models");
    for (Map.Entry<String, JsonNode> p : participants.properties()) {
      if (parameters.containsKey(p.getKey())) {
        throw A2aError.invalidParams(
            "participant "
                + p.getKey()
                + " and config."
                + p.getKey()
                + " would both set parameter "
                + p.getKey());
      }
      parameters.put(p.getKey(), value(p.getValue()));
    }
    return models == null
        ? new RunSuite(suite, parameters)
        : new RunModels(suite, parameters, models);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Map<String, Object> values(JsonNode object) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (e.getValue().isNull()) {
          throw A2aError.invalidParams(
              "parameter " + e.getKey() + " is null: leave it out to take its default");
        }
        values.put(e.getKey(), value(e.getValue()));
      }
    }
    return values;
  }

  private static Object value(JsonNode node) {
    return JsonBody.MAPPER.convertValue(node, Object.class);
  }
}
