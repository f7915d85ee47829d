package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.bool;
import static dev.evident.mcp.Schema.integer;
import static dev.evident.mcp.Schema.string;

import dev.evident.service.RunService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run_tests: a command started in the background ({@link BackgroundRuns}), or inside {@code evident
 * serve} a declared suite queued as a server task ({@link SuiteTasks}); either way a handle at
 * once.
 */
final class RunTestsTool {

  private final BackgroundRuns background;
  private final SuiteTasks suites;

  RunTestsTool(BackgroundRuns background, SuiteTasks suites) {
    this.background = background;
    this.suites = suites;
  }

  ToolDefinition definition() {
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("type", List.of("array", "string"));
    command.put("items", Map.of("type", "string"));
    command.put(
        "description",
        "The test command: an array of words (e.g. [\"pytest\", \"tests/\"]), or one string run"
            + " by sh -c.");
    return new ToolDefinition(
        "run_tests",
        "Run tests",
        "Starts a test command under evident run in the background and returns at once with a"
            + " handle (task:N). Follow it with get_run (run=the handle, wait_seconds up to 60):"
            + " once the command has ended its run is stored with an id, a status that is never"
            + " PASSED when nothing executed, and counts with their denominators. pytest, Maven,"
            + " Gradle, Go, Jest, Vitest and cargo are asked for machine-readable results; for"
            + " other commands give the result files they write in results. Inside evident serve,"
            + " give suite (+ parameters, + models) instead of command to queue a suite the"
            + " server declares as a server task (handle server-task:N; with models one task per"
            + " model, all in one group).",
        SuiteTasks.arguments(Schema.object())
            .optional("command", command)
            .optional(
                "directory", string("Where to run it (default: the server's working directory)."))
            .optional("project", string("Project name (default: the directory's name)."))
            .optional(
                "results",
                array(
                    "Result files the command writes (globs relative to directory), e.g."
                        + " build/test-results/**/*.xml.",
                    Map.of("type", "string")))
            .optional(
                "timeout_seconds",
                integer(
                    "Stop the command after this long; the run is INTERRUPTED with its results so"
                        + " far (default 1800).",
                    1,
                    86_400))
            .optional("labels", Schema.stringMap("Labels for the run, e.g. {\"agent\": \"x\"}."))
            .optional(
                "preflight", bool("Check the requirements in evident.yaml first (default true)."))
            .closed(),
        Schema.object()
            .required("handle", string("pass it to get_run, diagnose_run, get_logs as run"))
            .required("status", Schema.oneOf("RUNNING at first", Shapes.statusesAndError()))
            .required("command", array(null, Map.of("type", "string")))
            .required("directory", string(null))
            .required("project", string(null))
            .required("message", string(null))
            .optional("suite", string("the suite queued, when run_tests was given one"))
            .optional(
                "handles", array("with models: one handle per model", Map.of("type", "string")))
            .optional("group", Schema.nullableInteger("with models: the group's id"))
            .build(),
        false,
        this::startRun);
  }

  private Map<String, Object> startRun(Args args) {
    if (!args.access().mayRun()) {
      throw new BadArgumentException(
          "run_tests: this token lacks the run scope; ask for a token with --scope run, or"
              + " read stored runs with get_run and list_runs");
    }
    if (args.has("suite")) {
      return suites.submit(args);
    }
    List<String> command = args.strings("command");
    if (command.isEmpty() || command.stream().allMatch(String::isBlank)) {
      throw new BadArgumentException(
          "run_tests needs a command, e.g. [\"pytest\", \"tests/\"] or \"npm test\"");
    }
    if (args.has("parameters") || args.has("models")) {
      throw new BadArgumentException(
          "run_tests: parameters and models go with suite, not with command");
    }
    if (args.isString("command")) {
      command = List.of("sh", "-c", command.get(0));
    }
    String given = args.string("directory");
    Path dir = Path.of(given == null ? "" : given).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new BadArgumentException(
          "run_tests: directory "
              + dir
              + " does not exist or is not a directory; give an existing directory (absolute, or"
              + " relative to "
              + Path.of("").toAbsolutePath()
              + ")");
    }
    String project = args.project();
    if (project == null) {
      project = dir.getFileName() == null ? "default" : dir.getFileName().toString();
    }
    int timeout = args.integer("timeout_seconds", 1800, 1, 86_400);
    RunService.Request request =
        new RunService.Request(
            command,
            dir,
            project,
            args.stringMap("labels"),
            Duration.ofSeconds(timeout),
            args.strings("results"),
            args.bool("preflight", true),
            null,
            List.of(),
            System.getenv(),
            Map.of(),
            Map.of());
    BackgroundRuns.Task task = background.start(request);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("handle", task.handle);
    out.put("status", "RUNNING");
    out.put("command", command);
    out.put("directory", dir.toString());
    out.put("project", project);
    out.put(
        "message",
        "started as "
            + task.handle
            + "; call get_run with run="
            + task.handle
            + " and wait_seconds (up to "
            + RunTools.MAX_WAIT_SECONDS
            + ") for its status, counts and top causes");
    return out;
  }
}
