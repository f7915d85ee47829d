package dev.evident.service;

import dev.evident.model.TaskSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Suites for task tests: small shell scripts that write JUnit XML, in a test's directory. */
public final class TaskFixtures {

  private TaskFixtures() {}

  /** Settings that make leases and polls quick, for tests. */
  public static TaskService.Settings quick(int workers) {
    return new TaskService.Settings(
        workers, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(100), 3, false);
  }

  /**
   * A suite whose command writes one passing and one test named by parameter {@code name} that
   * fails when parameter {@code fail} is true, after sleeping {@code sleep} seconds.
   */
  public static TaskSuite junit(String name, Path workDir, Duration timeout, int concurrency) {
    String script =
        "sleep \"$EVIDENT_PARAM_SLEEP\"; mkdir -p out/$EVIDENT_TASK_ID; "
            + "if [ \"$EVIDENT_PARAM_FAIL\" = true ]; then F='<failure message=\"boom\"/>'; "
            + "else F=''; fi; "
            + "printf '<testsuite name=\"s\" tests=\"2\"><testcase classname=\"a\" name=\"one\"/>"
            + "<testcase classname=\"a\" name=\"%s\">%s</testcase></testsuite>' \"$1\" \"$F\""
            + " > out/$EVIDENT_TASK_ID/TEST-s.xml";
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                "name", Map.of("type", "string", "default", "two", "pattern", "^[a-z]+$"),
                "fail", Map.of("type", "boolean", "default", false),
                "sleep", Map.of("type", "number", "default", 0, "minimum", 0, "maximum", 60)));
    return new TaskSuite(
        name,
        "shop",
        List.of("sh", "-c", script, "suite", "{{name}}"),
        workDir,
        List.of("out/{{task.id}}/*.xml"),
        schema,
        timeout,
        concurrency);
  }
}
