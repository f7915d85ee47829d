package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.bool;
import static dev.evident.mcp.Schema.integer;
import static dev.evident.mcp.Schema.nullableInteger;
import static dev.evident.mcp.Schema.nullableString;
import static dev.evident.mcp.Schema.string;

import dev.evident.model.FlakySettings;
import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.model.RunDiagnosis;
import dev.evident.service.CompareService;
import dev.evident.service.DiagnoseService;
import dev.evident.service.FlakinessService;
import dev.evident.service.ProjectConfigs;
import dev.evident.service.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** diagnose_run, compare_runs and flaky_tests: the analyses, as the CLI's --json gives them. */
final class AnalysisTools {

  private static final List<String> BUCKETS =
      List.of(
          "newFailures",
          "fixed",
          "stillFailing",
          "newTests",
          "removed",
          "newlySkipped",
          "noLongerSkipped",
          "flaky",
          "slower",
          "faster");

  private final Workspace workspace;
  private final RunRefs refs;

  AnalysisTools(Workspace workspace, RunRefs refs) {
    this.workspace = workspace;
    this.refs = refs;
  }

  List<ToolDefinition> definitions() {
    return List.of(diagnoseRun(), compareRuns(), flakyTests());
  }

  private ToolDefinition diagnoseRun() {
    Map<String, Object> group =
        Schema.object("Failed tests that share a root cause.")
            .required("id", string(null))
            .required("category", string("root-cause category, e.g. missing_dependency"))
            .required("group", string("system, automation, product, flaky or investigate"))
            .required("confidence", Schema.number("0 to 1"))
            .required("evidence", string("the line that shows the cause"))
            .required("entities", Schema.stringMap("what the evidence names: module, port, ..."))
            .required("remediation", string("what to do"))
            .required("message", string("the first failure's message"))
            .required("count", integer("failed tests in the group (all counted)"))
            .required("tests", array("the first max_tests of them", Shapes.test()))
            .build();
    Map<String, Object> runError =
        Schema.object("An error outside tests: collection, setup, the command.")
            .required("kind", string(null))
            .required("scope", string(null))
            .required("message", string(null))
            .required("category", string(null))
            .required("remediation", string(null))
            .build();
    return new ToolDefinition(
        "diagnose_run",
        "Diagnose a run",
        "Why a run's tests failed: failures grouped by root cause (category, count, evidence, what"
            + " to do, where seen before), errors outside tests, an environment problem when most"
            + " failures share one system-level cause, and the next steps by tests they unblock.",
        Schema.object()
            .optional("run", string(RunRefs.DESCRIPTION))
            .optional("project", string("With latest, latest~N, branch:NAME: in this project."))
            .optional("max_groups", integer("Groups to list (default 20; all counted).", 1, 500))
            .optional("max_tests", integer("Tests to list per group (default 10).", 0, 1000))
            .closed(),
        Schema.object()
            .required("run", integer("the run id"))
            .required("project", string(null))
            .required("status", Schema.oneOf(null, Shapes.STATUSES))
            .required("failures", integer("failed, errored and flaky results"))
            .required("environmentProblem", nullableString("a shared system-level cause"))
            .required("groupCount", integer("groups in all"))
            .required("groups", array("by tests affected, environment first", group))
            .required("runErrors", array(null, runError))
            .required(
                "nextSteps",
                array(
                    null,
                    Schema.object()
                        .required("action", string(null))
                        .required("tests", nullableInteger("tests it would fix"))
                        .required("blocksRun", bool("an error that kept tests from running"))
                        .build()))
            .build(),
        true,
        this::diagnose);
  }

  private Map<String, Object> diagnose(Args args) {
    String ref = args.string("run", "latest");
    int maxGroups = args.integer("max_groups", 20, 1, 500);
    int maxTests = args.integer("max_tests", 10, 0, 1000);
    Run run = refs.stored(args, ref);
    RunDiagnosis d =
        workspace.diagnosing(() -> workspace.diagnoses().diagnose(run, maxTests, true));
    Map<String, Object> json = DiagnoseService.json(d, workspace.quarantine().inRun(run));
    json.put("groupCount", d.groups().size());
    json.put("groups", first((List<?>) json.get("groups"), maxGroups));
    return json;
  }

  private ToolDefinition compareRuns() {
    Map<String, Object> change =
        Schema.object()
            .required("test", string("suite > name[parameters]"))
            .required("suite", string(null))
            .required("name", string(null))
            .required("parameters", string(null))
            .required("base", nullableString("outcome in base; null when absent"))
            .required("head", nullableString("outcome in head; null when absent"))
            .required("baseMicros", nullableInteger(null))
            .required("headMicros", nullableInteger(null))
            .build();
    Schema summary = Schema.object("Tests in each bucket (all counted).");
    Schema buckets = Schema.object("The first max_tests tests of each bucket.");
    for (String b : BUCKETS) {
      summary.required(b, integer(null));
      buckets.required(b, array(null, change));
    }
    return new ToolDefinition(
        "compare_runs",
        "Compare two runs",
        "What changed test by test from base to head: new failures, fixed, still failing, new and"
            + " removed tests, newly and no longer skipped, flaky, slower and faster (at least 1.5"
            + " times and 100 ms), with both runs' counts and their denominators. Without"
            + " arguments: latest~1 against latest.",
        Schema.object()
            .optional("base", string("The base run (default latest~1). " + RunRefs.DESCRIPTION))
            .optional("head", string("The head run (default latest); give base with it."))
            .optional("project", string("latest, latest~N and branch:NAME in this project."))
            .optional(
                "across_projects",
                bool("Allow runs of different projects, tests matched by suite and name."))
            .optional("max_tests", integer("Tests to list per bucket (default 20).", 0, 10_000))
            .closed(),
        Schema.object()
            .required("base", Shapes.run())
            .required("head", Shapes.run())
            .required("acrossProjects", bool(null))
            .required(
                "counts",
                Schema.object()
                    .required("base", Shapes.counts())
                    .required("head", Shapes.counts())
                    .build())
            .required("summary", summary.build())
            .required("buckets", buckets.build())
            .build(),
        true,
        this::compare);
  }

  private Map<String, Object> compare(Args args) {
    String baseRef = args.string("base");
    String headRef = args.string("head");
    String project = args.project();
    boolean across = args.bool("across_projects", false);
    int max = args.integer("max_tests", 20, 0, 10_000);
    if (headRef != null && baseRef == null) {
      throw new BadArgumentException(
          "compare_runs: give base too when head is given, e.g. base=\"latest~1\" or a run id");
    }
    Run head = refs.stored(args, headRef == null ? "latest" : headRef);
    // As evident compare: the base in the head's project; branch:NAME the newest other than head.
    Run base =
        baseRef != null && RunRefs.isHandle(baseRef)
            ? refs.stored(args, baseRef)
            : args.visible(
                workspace.runs().baseline(baseRef == null ? "latest~1" : baseRef, project, head));
    Map<String, Object> json =
        CompareService.json(workspace.compares().compare(base, head, across));
    @SuppressWarnings("unchecked")
    Map<String, Object> lists = (Map<String, Object>) json.get("buckets");
    lists.replaceAll((bucket, tests) -> first((List<?>) tests, max));
    return json;
  }

  private ToolDefinition flakyTests() {
    Map<String, Object> scored =
        Schema.object()
            .required("test", string(null))
            .required("verdict", string("FLAKY, RECOVERED, WATCH, ..."))
            .required("score", Schema.number("0 to 1"))
            .required("reasons", array("the verdict's reasons, with numbers", string(null)))
            .required("runs", integer("runs in the window with the test"))
            .build();
    return new ToolDefinition(
        "flaky_tests",
        "Flaky tests",
        "The tests of a project scored for flakiness over a window of its runs (reruns that"
            + " passed, outcome flips on one commit, flips), with reasons and numbers; outages"
            + " (most tests failing at once) are left out. Settings from evident.yaml (flaky:).",
        Schema.object()
            .optional("project", string("The project (default: the newest run's)."))
            .optional("window", integer("Runs to look at (default 50 or evident.yaml).", 2, 1000))
            .optional("all", bool("Also list tests to watch (default false)."))
            .optional("max_tests", integer("Tests to list per verdict (default 50).", 0, 10_000))
            .closed(),
        Schema.object()
            .required("project", string(null))
            .required(
                "window",
                Schema.object()
                    .required("runs", integer(null))
                    .required("first", nullableInteger("oldest run id"))
                    .required("last", nullableInteger("newest run id"))
                    .build())
            .required("counts", Schema.object("Tests by verdict, of tests.").build())
            .required("flaky", array(null, scored))
            .required("recovered", array(null, scored))
            .build(),
        true,
        this::flaky);
  }

  private Map<String, Object> flaky(Args args) {
    String project = args.project();
    boolean all = args.bool("all", false);
    int max = args.integer("max_tests", 50, 0, 10_000);
    FlakySettings settings =
        ProjectConfigs.load(Path.of(""), null)
            .map(ProjectConfigs.Loaded::config)
            .orElse(ProjectConfig.EMPTY)
            .flaky();
    int window = args.integer("window", 0, 2, 1000);
    if (window > 0) {
      settings = settings.withWindow(window);
    }
    Map<String, Object> json =
        FlakinessService.json(workspace.flakiness().score(project, settings), all);
    for (String list : List.of("flaky", "recovered", "watch")) {
      if (json.get(list) instanceof List<?> tests) {
        json.put(list, first(tests, max));
      }
    }
    return json;
  }

  private static List<?> first(List<?> list, int max) {
    return list.size() <= max ? list : List.copyOf(list.subList(0, max));
  }
}
