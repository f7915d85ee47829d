package dev.evident.mcp;

import dev.evident.service.Tasks;
import dev.evident.service.Workspace;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evident's MCP tools over one workspace, defined once whatever the transport: {@link McpServers}
 * mounts them on stdio ({@code evident mcp}); an HTTP transport can take the same. Closing stops
 * the runs run_tests started that are still going (they are stored as INTERRUPTED); the workspace
 * stays open, its owner closes it. Thread safe.
 */
public final class EvidentTools implements AutoCloseable {

  private final Workspace workspace;
  private final BackgroundRuns background;
  private final List<ToolDefinition> definitions;

  /** The tools over a workspace; they diagnose through {@link Workspace#diagnosing}. */
  public EvidentTools(Workspace workspace) {
    this(workspace, null);
  }

  /**
   * The tools over a workspace and a server's task queue, which run_tests submits suites to.
   *
   * @param tasks the queue, or null when there is none (stdio): run_tests then refuses a suite
   */
  public EvidentTools(Workspace workspace, Tasks tasks) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.background = new BackgroundRuns(workspace);
    SuiteTasks suites = new SuiteTasks(workspace, tasks);
    RunRefs refs = new RunRefs(workspace, background, suites);
    List<ToolDefinition> all = new ArrayList<>();
    all.addAll(
        new RunTools(workspace, background, refs, new Causes(workspace), suites).definitions());
    all.addAll(new AnalysisTools(workspace, refs).definitions());
    all.addAll(new LogTools(workspace, refs).definitions());
    all.addAll(new ReportTools(workspace, refs).definitions());
    this.definitions = List.copyOf(all);
  }

  /** The tools, with their schemas and handlers, for McpServer's tools(...). */
  public List<SyncToolSpecification> specifications() {
    return definitions.stream().map(ToolDefinition::specification).toList();
  }

  /**
   * Loads the classification rules and the failure history, so that the first call that diagnoses
   * does not wait for them (about a second and a half); meant for a background thread.
   */
  public void warmUp() {
    workspace.diagnosing(workspace::diagnoses);
  }

  /** The tools' names, in the order they are listed. */
  public List<String> names() {
    return definitions.stream().map(ToolDefinition::name).toList();
  }

  @Override
  public void close() {
    background.close();
  }
}
