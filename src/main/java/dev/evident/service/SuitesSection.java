package dev.evident.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.model.TaskSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code suites} section: what {@code evident serve} may run as tasks.
 *
 * <pre>
 * suites:
 *   smoke:                       # the name requests use
 *     project: shop              # runs are stored under this project
 *     command: [pytest, tests/, -k, "{{filter}}"]
 *     workdir: /srv/shop         # default: the server's working directory
 *     results: [reports/*.xml]   # default: what the runner adapter finds
 *     timeout: 10m               # s, m or h; default: none
 *     concurrency: 2             # at once on one server; default 1
 *     parameters:                # a JSON Schema object; {{task.id}} and {{model}} need none
 *       type: object
 *       properties:
 *         filter: {type: string, default: "", description: pytest -k expression}
 * </pre>
 */
final class SuitesSection {

  static final String NAME = "suites";

  private static final List<String> KEYS =
      List.of("project", "command", "workdir", "results", "timeout", "concurrency", "parameters");
  private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)?");

  private SuitesSection() {}

  static List<TaskSuite> parse(ConfigNode section) {
    List<TaskSuite> suites = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> e :
        section.mapping(null, "smoke: {project: shop, command: [pytest]}").entrySet()) {
      ConfigNode node = e.getValue();
      if (!NAME_SHAPE.matcher(e.getKey()).matches()) {
        throw node.error("suite name '" + e.getKey() + "' must be letters, digits, . _ or -");
      }
      Map<String, ConfigNode> keys = node.mapping(KEYS, "project: shop");
      if (!keys.containsKey("project") || !keys.containsKey("command")) {
        throw node.error(node.path() + " needs project: and command: (a list: [pytest, tests/])");
      }
      String project = keys.get("project").text("a project name");
      List<String> command = new ArrayList<>();
      for (ConfigNode arg : keys.get("command").list("[pytest, tests/]")) {
        command.add(arg.scalar("one argument as text"));
      }
      if (command.isEmpty()) {
        throw keys.get("command").error(node.path() + ".command is empty: give [program, args]");
      }
      Path workDir =
          keys.containsKey("workdir") ? Path.of(keys.get("workdir").text("a directory")) : null;
      List<String> results = new ArrayList<>();
      if (keys.containsKey("results")) {
        for (ConfigNode glob : keys.get("results").oneOrList("[reports/*.xml]")) {
          results.add(glob.text("a result-file glob"));
        }
      }
      Duration timeout = keys.containsKey("timeout") ? duration(keys.get("timeout")) : null;
      int concurrency = 1;
      if (keys.containsKey("concurrency")) {
        concurrency = keys.get("concurrency").integer("a whole number, 1 or more");
        if (concurrency < 1) {
          throw keys.get("concurrency").error(node.path() + ".concurrency must be 1 or more");
        }
      }
      Map<String, Object> schema = schema(keys.get("parameters"));
      Object declared = schema.getOrDefault("properties", Map.of());
      List<String> used = new ArrayList<>(SuiteCommands.tokens(command));
      used.addAll(SuiteCommands.tokens(results));
      for (String token : used) {
        if (token.equals(SuiteCommands.TASK_ID) || token.equals(ModelList.PARAMETER)) {
          continue;
        }
        if (!(declared instanceof Map<?, ?> names) || !names.containsKey(token)) {
          throw keys.get("command")
              .error(
                  node.path()
                      + " uses {{"
                      + token
                      + "}}, which parameters.properties does not declare");
        }
      }
      suites.add(
          new TaskSuite(
              e.getKey(), project, command, workDir, results, schema, timeout, concurrency));
    }
    return suites;
  }

  private static Map<String, Object> schema(ConfigNode node) {
    if (node == null || node.isAbsent()) {
      return Map.of("type", "object", "properties", Map.of());
    }
    node.mapping(null, "type: object");
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = new ObjectMapper().convertValue(node.json(), LinkedHashMap.class);
    List<String> problems = ParameterSchema.check(schema);
    if (!problems.isEmpty()) {
      throw node.error(node.path() + ": " + String.join("; ", problems));
    }
    return schema;
  }

  private static Duration duration(ConfigNode node) {
    String text = node.scalar("a duration: 90s, 10m, 2h (a bare number is seconds)");
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw node.error(node.path() + " must be a duration like 90s, 10m or 2h; found " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2) == null ? "s" : m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
