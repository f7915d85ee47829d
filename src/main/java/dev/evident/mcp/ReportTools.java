package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.bool;
import static dev.evident.mcp.Schema.integer;
import static dev.evident.mcp.Schema.string;

import dev.evident.model.ProjectConfig;
import dev.evident.model.Run;
import dev.evident.report.StatusReport;
import dev.evident.service.ProjectConfigs;
import dev.evident.service.ReportService;
import dev.evident.service.VerifyService;
import dev.evident.service.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** verify_report and get_report: a status report checked claim by claim, and one written. */
final class ReportTools {

  /** As evident verify reads a report file: at most 16 MB. */
  static final int MAX_MARKDOWN = 16 << 20;

  private static final List<String> FORMATS = List.of("md", "json");

  private final Workspace workspace;
  private final RunRefs refs;

  ReportTools(Workspace workspace, RunRefs refs) {
    this.workspace = workspace;
    this.refs = refs;
  }

  List<ToolDefinition> definitions() {
    return List.of(verifyReport(), getReport());
  }

  private ToolDefinition verifyReport() {
    Map<String, Object> claim =
        Schema.object("A claim the report makes, and its verdict.")
            .required("line", integer("its line in the Markdown"))
            .required("text", string("the sentence, list item or table row"))
            .required("kind", string("count, rate, change, universal, named or table"))
            .required("subject", Schema.nullableString("what it is about; empty for all tests"))
            .required("stated", Schema.object("the claim's numbers by measure").build())
            .required("actual", Schema.object("the evidence's values, same keys").build())
            .required("verdict", Schema.oneOf(null, VerifyService.VERDICTS))
            .required("reason", string("why, with the numbers and the runs they come from"))
            .required("runs", array("the runs the verdict used", integer(null)))
            .build();
    Schema summary = Schema.object("Claims by verdict.");
    VerifyService.VERDICTS.forEach(v -> summary.required(v, integer(null)));
    return new ToolDefinition(
        "verify_report",
        "Verify a status report",
        "Checks a Markdown status report claim by claim against stored runs, as evident verify"
            + " --json: counts, rates, changes, universal and readiness statements, claims about"
            + " named tests, suites, files, tags or categories, table rows. Each claim is"
            + " SUPPORTED, CONTRADICTED (the reason gives the actual numbers), UNVERIFIABLE, or"
            + " INCONSISTENT with the report itself. Plans and targets are not claims. Default"
            + " evidence: the latest run, with the project's run before it for changes.",
        Schema.object()
            .required("markdown", string("The report's text (Markdown), at most 16 MB."))
            .optional(
                "runs",
                array(
                    "Runs to check against; their results add up (default: latest). Each: "
                        + RunRefs.DESCRIPTION,
                    string(null)))
            .optional(
                "baseline",
                string("The run change claims start from (default: the project's run before)."))
            .optional("project", string("With latest, latest~N, branch:NAME: in this project."))
            .optional(
                "config",
                string(
                    "The project file for its categories, a path on the server (default:"
                        + " evident.yaml, else .evident/config.yaml, in the server's directory)."))
            .optional(
                "include_quoted",
                bool("Also read claims in code blocks and block quotes (default false)."))
            .closed(),
        Schema.object()
            .required("report", string("how the report is named: markdown"))
            .required("runs", array("the runs in scope, then the baseline", integer(null)))
            .required("claims", array("in the order of the report", claim))
            .required("summary", summary.build())
            .build(),
        true,
        this::verify);
  }

  private Map<String, Object> verify(Args args) {
    String markdown = args.text("markdown");
    if (markdown == null || markdown.isBlank()) {
      throw new BadArgumentException(
          "verify_report needs the argument 'markdown': the report's text, e.g. \"- 14 of 20"
              + " tests pass\"");
    }
    if (markdown.length() > MAX_MARKDOWN) {
      throw new BadArgumentException(
          "verify_report: 'markdown' has " + markdown.length() + " characters; at most 16 MB");
    }
    String project = args.project();
    List<String> runs = new ArrayList<>();
    for (String ref : args.strings("runs")) {
      runs.add(stored(args, ref));
    }
    String baseline = args.string("baseline");
    baseline = baseline == null ? null : stored(args, baseline);
    Path config = config(args);
    boolean quoted = args.bool("include_quoted", false);
    return workspace
        .verifier()
        .verify(
            new VerifyService.Request(
                null, "markdown", runs, baseline, project, config, Path.of(""), quoted),
            markdown)
        .json();
  }

  private ToolDefinition getReport() {
    return new ToolDefinition(
        "get_report",
        "Get a run's status report",
        "The status report of a run, as evident report writes it: headline with denominators,"
            + " change since the baseline, root causes, what did not execute and why, flaky,"
            + " quarantined and suspicious tests, progress toward targets (categories of"
            + " evident.yaml), slowest tests, next steps; every section names its runs. md is"
            + " Markdown cut to max_bytes, least important lists first; json is complete.",
        Schema.object()
            .optional("run", string(RunRefs.DESCRIPTION))
            .optional("project", string("With latest, latest~N, branch:NAME: in this project."))
            .optional(
                "baseline",
                string(
                    "The run to compare with (default: the previous run on the run's branch,"
                        + " else of its project)."))
            .optional("format", Schema.oneOf("md (Markdown, default) or json", FORMATS))
            .optional(
                "max_bytes",
                integer(
                    "md: at most this many bytes of UTF-8 (default "
                        + ReportService.DEFAULT_MAX_BYTES
                        + ").",
                    1000,
                    10_000_000))
            .optional(
                "config",
                string(
                    "The project file, a path on the server (default: evident.yaml, else"
                        + " .evident/config.yaml, in the server's directory)."))
            .closed(),
        Schema.object()
            .required("run", integer("the run id"))
            .required("format", Schema.oneOf(null, FORMATS))
            .required(
                "report",
                Map.of(
                    "type",
                    List.of("string", "object"),
                    "description",
                    "md: the Markdown text; json: the report as docs/report.schema.json has it"))
            .build(),
        true,
        this::report);
  }

  private Map<String, Object> report(Args args) {
    String format = args.choice("format", FORMATS);
    format = format == null ? "md" : format;
    int maxBytes = args.integer("max_bytes", ReportService.DEFAULT_MAX_BYTES, 1000, 10_000_000);
    String baseline = args.string("baseline");
    Path configFile = config(args);
    Optional<ProjectConfigs.Loaded> loaded = ProjectConfigs.load(Path.of(""), configFile);
    Run run = refs.stored(args, args.string("run", "latest"));
    baseline = baseline == null ? null : stored(args, baseline);
    String base = baseline;
    StatusReport report =
        workspace.diagnosing(
            () ->
                workspace
                    .reports()
                    .report(
                        run,
                        base,
                        loaded.map(ProjectConfigs.Loaded::config).orElse(ProjectConfig.EMPTY),
                        loaded.map(ProjectConfigs.Loaded::name).orElse(null)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run.id());
    out.put("format", format);
    out.put(
        "report",
        format.equals("md")
            ? ReportService.markdown(report, maxBytes)
            : ReportService.json(report));
    return out;
  }

  /**
   * A run reference as the services take it: a handle becomes its stored run's id; so does every
   * reference of a caller who sees one project, checked to be in it.
   */
  private String stored(Args args, String ref) {
    return RunRefs.isHandle(ref) || args.access().restricted()
        ? String.valueOf(refs.stored(args, ref).id())
        : ref;
  }

  private static Path config(Args args) {
    String config = args.string("config");
    if (config != null && args.access().restricted()) {
      throw args.bad(
          "config", config, "left out over HTTP with a token (the server's evident.yaml applies)");
    }
    try {
      return config == null ? null : Path.of(config);
    } catch (InvalidPathException e) {
      throw args.bad("config", config, "a path to a YAML file on the server");
    }
  }
}
