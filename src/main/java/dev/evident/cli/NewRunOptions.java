package dev.evident.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** What a new run is filed under and told about: the options `ingest` and `run` share. */
final class NewRunOptions {

  @Option(
      names = "--project",
      paramLabel = "NAME",
      description = "Project name (default: the current directory's name).")
  String project;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description = "A label for the run; repeatable.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = {"--attr", "--attribute"},
      paramLabel = "KEY=VALUE",
      description =
          "A fact about the run (model, agent, package, git.commit, git.branch, ci.url, ...), kept"
              + " as a run attribute; repeatable.")
  Map<String, String> attributes = new LinkedHashMap<>();
}
