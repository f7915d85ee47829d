package dev.evident.mcp;

import static dev.evident.mcp.Schema.array;
import static dev.evident.mcp.Schema.bool;
import static dev.evident.mcp.Schema.integer;
import static dev.evident.mcp.Schema.nullableInteger;
import static dev.evident.mcp.Schema.string;

import dev.evident.model.Excerpt;
import dev.evident.model.Run;
import dev.evident.service.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** get_logs: what a run's command printed, by pages of lines, or the lines that match. */
final class LogTools {

  static final int MAX_LINE = 2000;
  private static final List<String> STREAMS = List.of("stdout", "stderr");

  private final Workspace workspace;
  private final RunRefs refs;

  LogTools(Workspace workspace, RunRefs refs) {
    this.workspace = workspace;
    this.refs = refs;
  }

  List<ToolDefinition> definitions() {
    return List.of(getLogs());
  }

  private ToolDefinition getLogs() {
    return new ToolDefinition(
        "get_logs",
        "Get a run's logs",
        "What the command of a run printed (runs made by run_tests or evident run keep the head"
            + " and tail of stdout and stderr), as a page of numbered lines: offset and limit page"
            + " through the lines, or with search through the matching lines only. For a handle"
            + " whose run is still going: the last 256 KB printed so far (live).",
        Schema.object()
            .optional("run", string(RunRefs.DESCRIPTION))
            .optional("project", string("With latest, latest~N, branch:NAME: in this project."))
            .optional("stream", Schema.oneOf("stdout (default) or stderr", STREAMS))
            .optional(
                "offset",
                integer(
                    "Lines to skip: of the log, or with search of the matches.", 0, 100_000_000))
            .optional("limit", integer("Lines to return (default 200).", 1, 5000))
            .optional(
                "search",
                string(
                    "Only lines containing this text (case-insensitive), or matching it as a"
                        + " regular expression with regex."))
            .optional("regex", bool("Take search as a Java regular expression (default false)."))
            .closed(),
        Schema.object()
            .required("run", nullableInteger("the run id; null while the run is still going"))
            .required("handle", Schema.nullableString("the handle, when asked by one"))
            .required("live", bool("true for the output so far of a run still going"))
            .required("stream", Schema.oneOf(null, STREAMS))
            .required("fullBytes", integer("what the command printed in all"))
            .required(
                "truncated",
                bool("true when only the head and tail were kept (a marker line between them)"))
            .required("totalLines", integer("lines kept"))
            .required("matches", nullableInteger("lines matching search; null without search"))
            .required("offset", integer(null))
            .required(
                "lines",
                array(
                    null,
                    Schema.object()
                        .required("line", integer("1-based line number in the kept log"))
                        .required("text", string("the line, cut at " + MAX_LINE + " characters"))
                        .build()))
            .required("nextOffset", nullableInteger("offset of the next page; null at the end"))
            .required("message", string(null))
            .build(),
        true,
        this::logs);
  }

  private Map<String, Object> logs(Args args) {
    String ref = args.string("run", "latest");
    String stream = args.choice("stream", STREAMS);
    stream = stream == null ? "stdout" : stream;
    int offset = args.integer("offset", 0, 0, 100_000_000);
    int limit = args.integer("limit", 200, 1, 5000);
    String search = args.string("search");
    Predicate<String> matches = matcher(args, search);
    BackgroundRuns.Task task = RunRefs.isHandle(ref) ? refs.task(args, ref) : null;
    boolean live = task != null && task.running();
    Run run = live ? null : refs.stored(args, ref);
    Map<String, Excerpt> logs =
        live
            ? Map.of("stdout", task.stdout.excerpt(), "stderr", task.stderr.excerpt())
            : workspace.runs().logs(run);
    Excerpt log = logs.getOrDefault(stream, Excerpt.EMPTY);
    String[] all = log.text().isEmpty() ? new String[0] : log.text().split("\r?\n", -1);
    int total = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
    List<Integer> selected = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      if (matches == null || matches.test(all[i])) {
        selected.add(i);
      }
    }
    List<Object> lines = new ArrayList<>();
    for (int k = offset; k < Math.min(selected.size(), offset + limit); k++) {
      int i = selected.get(k);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("line", i + 1);
      line.put("text", cut(all[i]));
      lines.add(line);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run == null ? null : run.id());
    out.put("handle", task == null ? null : task.handle);
    out.put("live", live);
    out.put("stream", stream);
    out.put("fullBytes", log.fullLength());
    out.put("truncated", log.truncated());
    out.put("totalLines", total);
    out.put("matches", matches == null ? null : selected.size());
    out.put("offset", offset);
    out.put("lines", lines);
    out.put("nextOffset", offset + limit < selected.size() ? offset + limit : null);
    String what = live ? task.handle + " (still running, output so far)" : "run " + run.id();
    out.put("message", message(what, logs, stream, total, selected.size(), search, lines.size()));
    return out;
  }

  private static Predicate<String> matcher(Args args, String search) {
    boolean regex = args.bool("regex", false);
    if (search == null) {
      return null;
    }
    if (regex) {
      try {
        return Pattern.compile(search).asPredicate();
      } catch (PatternSyntaxException e) {
        throw new BadArgumentException(
            "get_logs: search is not a valid regular expression ("
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + "); fix it, or leave regex false to search for the text as it is");
      }
    }
    String needle = search.toLowerCase(Locale.ROOT);
    return line -> line.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static String message(
      String what,
      Map<String, Excerpt> logs,
      String stream,
      int total,
      int selected,
      String search,
      int shown) {
    if (logs.isEmpty()) {
      return what
          + " has no logs: only runs made by run_tests or evident run keep their command's output";
    }
    String lines = search == null ? total + " lines" : selected + " of " + total + " lines match";
    return what + " " + stream + ": " + lines + ", " + shown + " returned";
  }

  private static String cut(String line) {
    return line.length() <= MAX_LINE
        ? line
        : line.substring(0, MAX_LINE) + " [... " + (line.length() - MAX_LINE) + " more characters]";
  }
}
