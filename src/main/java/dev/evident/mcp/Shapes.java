package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.integer;
import static dev.evident.mcp.Schema.nullable;
import static dev.evident.mcp.Schema.nullableInteger;
import static dev.evident.mcp.Schema.nullableString;
import static dev.evident.mcp.Schema.string;

import dev.evident.model.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Output schemas the tools share: a run, its counts, a cause, a test. */
final class Shapes {

  private Shapes() {}

  static final List<String> STATUSES = Arrays.stream(RunStatus.values()).map(Enum::name).toList();

  /** The run statuses, and ERROR for a run that could not be made at all (no run stored). */
  static List<String> statusesAndError() {
    List<String> all = new ArrayList<>(STATUSES);
    all.add("ERROR");
    return all;
  }

  static Map<String, Object> counts() {
    return Schema.object(
            "Test counts; every count reads against its denominator: passed, failed, errored and"
                + " flaky of executed; executed and skipped of collected.")
        .required("collected", integer("tests found"))
        .required("executed", integer("tests that ran (collected minus skipped)"))
        .required("passed", integer("of executed"))
        .required("failed", integer("of executed: assertion failures"))
        .required("errored", integer("of executed: exceptions, setup errors"))
        .required("skipped", integer("of collected"))
        .required("flaky", integer("of executed: failed, then passed on a rerun"))
        .build();
  }

  static Map<String, Object> run() {
    return Schema.object("A stored run.")
        .required("run", integer("the run id"))
        .required("project", string("the project"))
        .required("source", string("ingest or run"))
        .required(
            "status", Schema.oneOf("PASSED only when tests executed and none failed", STATUSES))
        .required("summary", string("one line: status and counts with their denominators"))
        .required("created", string("when it was stored (ISO-8601)"))
        .optional("started", nullableString("when the tests started"))
        .optional("finished", nullableString("when they finished"))
        .required("counts", counts())
        .required("runErrors", integer("errors outside tests (collection, setup, command)"))
        .required("problemCount", integer("problems found while reading the results"))
        .optional("labels", Schema.stringMap("labels given to the run"))
        .optional("attributes", Schema.stringMap("git commit and branch, CI, runner"))
        .optional("command", string("the command, for runs made by evident run"))
        .optional("exitCode", integer("the command's exit code"))
        .build();
  }

  static Map<String, Object> test() {
    return Schema.object()
        .required("suite", string(null))
        .required("name", string(null))
        .required("parameters", string("empty when not parametrized"))
        .build();
  }

  static Map<String, Object> cause() {
    return Schema.object("A root cause shared by failed tests.")
        .required("id", string("the group id"))
        .required("category", string("root-cause category, e.g. service_unavailable"))
        .required("group", string("system, automation, product, flaky or investigate"))
        .required("count", integer("failed tests with this cause"))
        .required("evidence", string("the line of the failure that shows the cause"))
        .required("remediation", string("what to do"))
        .build();
  }

  static Map<String, Object> nextStep() {
    return Schema.object()
        .required("action", string("what to do"))
        .required("tests", nullableInteger("failed tests it would fix; null for a run error"))
        .build();
  }

  static Map<String, Object> progress() {
    return nullable(
        Schema.object("How far a running run is.")
            .required("elapsedSeconds", Schema.number(null))
            .required("testsFinished", nullableInteger("null when the runner does not say"))
            .required("testsFailed", nullableInteger("null when the runner does not say"))
            .build());
  }

  static Map<String, Object> runs() {
    return array("runs, newest first", run());
  }
}
