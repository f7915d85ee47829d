package dev.evident.service;

import dev.evident.model.TaskSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of a multi-model submission (a server task group, or {@code evident run --models}),
 * checked: one to {@link #MAX} distinct names, each task's parameters made. The model reaches a
 * task's command as {@code EVIDENT_MODEL} and {@code {{model}}}, and is the run's {@code model}
 * attribute; a suite that declares a {@code model} parameter also gets it there, checked against
 * that parameter's schema (an enum of allowed models, say). Stateless.
 */
public final class ModelList {

  /** The most models one submission may list. */
  public static final int MAX = 20;

  /** The parameter (and command token) a model fills in. */
  static final String PARAMETER = "model";

  private static final int MAX_NAME = 200;

  private ModelList() {}

  /**
   * What is wrong with a list of models, or empty.
   *
   * @param parameters the other parameters of the request (a {@code model} among them is refused)
   */
  public static List<String> problems(List<String> models, Map<String, Object> parameters) {
    List<String> problems = new ArrayList<>();
    if (models.isEmpty()) {
      problems.add("models is empty: give one or more model names, e.g. [\"m1\", \"m2\"]");
      return problems;
    }
    if (models.size() > MAX) {
      problems.add("models lists " + models.size() + " models; at most " + MAX + " per submission");
    }
    if (parameters.containsKey(PARAMETER)) {
      problems.add(
          "give the model in models or in parameters.model, not both: with models each task gets"
              + " its own");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < models.size(); i++) {
      String m = models.get(i);
      if (m == null || m.isBlank()) {
        problems.add("models[" + i + "] is blank: give a model name");
      } else if (m.length() > MAX_NAME) {
        problems.add("models[" + i + "] is longer than " + MAX_NAME + " characters");
      } else if (m.chars().anyMatch(Character::isISOControl) || !m.equals(m.strip())) {
        problems.add(
            "models[" + i + "] '" + m.strip() + "' has a control character or spaces around it");
      } else if (seen.containsKey(m)) {
        problems.add(
            "model "
                + m
                + " is listed twice (models["
                + seen.get(m)
                + "] and models["
                + i
                + "]): each model runs once");
      } else {
        seen.put(m, i);
      }
    }
    return problems;
  }

  /**
   * The problems of the model list and of each model's parameters; the parameters shown are the
   * first model's, defaults filled in.
   */
  static Tasks.Validation validate(TaskSuite suite, TaskRequest request, List<String> models) {
    List<String> problems = new ArrayList<>(problems(models, request.parameters()));
    Map<String, Object> shown = request.parameters();
    if (problems.isEmpty()) {
      // Without a declared model parameter every task has the same parameters: check them once.
      List<String> checked = declared(suite) ? models : models.subList(0, 1);
      for (String model : checked) {
        ParameterSchema.Applied applied =
            ParameterSchema.apply(suite.parameters(), given(suite, request.parameters(), model));
        shown = model.equals(models.get(0)) ? applied.values() : shown;
        String prefix = declared(suite) ? "model " + model + ": " : "";
        applied.problems().forEach(p -> problems.add(prefix + p));
      }
    }
    return new Tasks.Validation(suite.name(), shown, problems);
  }

  /** Each model's parameters, defaults filled in; the request is valid. */
  static List<Map<String, Object>> parameters(
      TaskSuite suite, TaskRequest request, List<String> models) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String model : models) {
      out.add(
          ParameterSchema.apply(suite.parameters(), given(suite, request.parameters(), model))
              .values());
    }
    return out;
  }

  /** Whether a suite declares a {@code model} parameter. */
  static boolean declared(TaskSuite suite) {
    return suite.parameters().get("properties") instanceof Map<?, ?> p && p.containsKey(PARAMETER);
  }

  /** The parameters a model's task is checked with: the given ones, and the model if declared. */
  private static Map<String, Object> given(
      TaskSuite suite, Map<String, Object> parameters, String model) {
    Map<String, Object> given = new LinkedHashMap<>(parameters);
    if (declared(suite)) {
      given.put(PARAMETER, model);
    }
    return given;
  }
}
