package dev.evident.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suite's command with its parameters put in: each {@code {{name}}} token of an argument is
 * replaced by the parameter's text (the argument stays one argument, no shell is involved), and
 * each parameter is also passed as the environment variable {@code EVIDENT_PARAM_<NAME>} (upper
 * case, other characters than letters and digits as {@code _}). {@code {{task.id}}} is the task's
 * id (also {@code EVIDENT_TASK_ID}), for result paths that concurrent tasks must not share; {@code
 * {{model}}} the model of a multi-model task (also {@code EVIDENT_MODEL}), empty for a task without
 * one.
 */
final class SuiteCommands {

  /** The token every command may use besides its parameters: the task's id. */
  static final String TASK_ID = "task.id";

  static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SuiteCommands() {}

  static List<String> command(List<String> template, Map<String, Object> parameters) {
    List<String> command = new ArrayList<>();
    for (String arg : template) {
      Matcher m = TOKEN.matcher(arg);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        Object value = parameters.get(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : text(value)));
      }
      m.appendTail(out);
      command.add(out.toString());
    }
    return command;
  }

  static Map<String, String> environment(Map<String, Object> parameters) {
    Map<String, String> env = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) ->
            env.put(
                "EVIDENT_PARAM_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"),
                text(value)));
    return env;
  }

  /** The names {@code {{...}}} tokens use in a command. */
  static List<String> tokens(List<String> template) {
    List<String> names = new ArrayList<>();
    for (String arg : template) {
      Matcher m = TOKEN.matcher(arg);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
