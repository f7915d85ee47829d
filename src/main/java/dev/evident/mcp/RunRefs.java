package dev.evident.mcp;

import dev.evident.model.EvidentException;
import dev.evident.model.Run;
import dev.evident.service.RunService;
import dev.evident.service.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs by the references tools take: those of the CLI ({@code 12}, {@code latest}, {@code
 * latest~N}, {@code branch:NAME}) and the handles {@code run_tests} returns ({@code task:1}).
 */
final class RunRefs {

  static final String DESCRIPTION =
      "A run: its id, latest (default), latest~N (N runs before the latest), branch:NAME (the"
          + " newest run on a branch), or a handle from run_tests (task:1, server-task:12).";

  private final Workspace workspace;
  private final BackgroundRuns background;
  private final SuiteTasks suites;

  RunRefs(Workspace workspace, BackgroundRuns background, SuiteTasks suites) {
    this.workspace = workspace;
    this.background = background;
    this.suites = suites;
  }

  static boolean isHandle(String ref) {
    return ref.regionMatches(true, 0, "task:", 0, "task:".length());
  }

  /** The task of a handle run_tests returned, when the caller may see its project. */
  BackgroundRuns.Task task(Args args, String handle) {
    String tool = args.tool();
    List<String> handles = background.handles(args::sees);
    return background
        .find(handle.toLowerCase(java.util.Locale.ROOT))
        .filter(t -> args.sees(t.project))
        .orElseThrow(
            () ->
                new BadArgumentException(
                    tool
                        + ": no run "
                        + handle
                        + " in this server"
                        + (handles.isEmpty()
                            ? " (run_tests has started none since the server started)"
                            : "; its handles are " + String.join(", ", handles))
                        + "; stored runs are named by id, latest, latest~N or branch:NAME"));
  }

  /**
   * The stored run a reference names, in the project argument's project; a handle names its run
   * once that is stored. A run the caller may not see is refused as if it did not exist.
   */
  Run stored(Args args, String ref) {
    String tool = args.tool();
    if (SuiteTasks.isHandle(ref)) {
      return suites.stored(args, ref);
    }
    if (!isHandle(ref)) {
      return args.visible(workspace.runs().resolve(ref, args.project()));
    }
    BackgroundRuns.Task task = task(args, ref);
    if (task.running()) {
      throw new BadArgumentException(
          tool
              + ": "
              + task.handle
              + " is still running ("
              + Duration.between(task.started, Instant.now()).toSeconds()
              + " s); call get_run with run="
              + task.handle
              + " and wait_seconds (up to 60) to wait for it to be stored");
    }
    return args.visible(ran(task).run());
  }

  /** How a finished task ended; a run that could not be made at all is an error. */
  static RunService.Ran ran(BackgroundRuns.Task task) {
    try {
      return task.done.get();
    } catch (ExecutionException | CompletionException e) {
      throw new EvidentException(
          task.handle + " made no run: " + failure(task), e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvidentException("interrupted while reading " + task.handle);
    }
  }

  /** Why a task made no run, or null when it made one. */
  static String failure(BackgroundRuns.Task task) {
    if (!task.done.isCompletedExceptionally()) {
      return null;
    }
    try {
      task.done.join();
      return null;
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause instanceof EvidentException ? cause.getMessage() : cause.toString();
    }
  }
}
