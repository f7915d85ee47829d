package dev.evident.store;

import dev.evident.model.Run;
import dev.evident.model.RunDetail;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where runs and their results are kept. Implementations are thread safe; a run is visible complete
 * or not at all.
 */
public interface ResultStore extends AutoCloseable {

  /**
   * Opens the store a {@code --db} option names: a file path for the embedded SQLite store (created
   * with its schema when missing) or a {@code jdbc:sqlite:} URL.
   */
  static ResultStore open(String db) {
    if (db.startsWith("jdbc:sqlite:")) {
      return SqliteStore.open(Path.of(db.substring("jdbc:sqlite:".length())));
    }
    if (db.startsWith("jdbc:")) {
      throw new StoreException(
          "unsupported database URL "
              + db
              + ": this version stores in SQLite (a file path or jdbc:sqlite:)");
    }
    return SqliteStore.open(Path.of(db));
  }

  /** Starts writing a run. The run becomes visible when the writer commits. */
  RunWriter startRun(RunStart start);

  /** The newest runs first, of one project or of all when {@code project} is null. */
  List<Run> runs(String project, int limit);

  Optional<Run> run(long id);

  /** The newest run of a project, or of all projects when {@code project} is null. */
  Optional<Run> latest(String project);

  /**
   * Everything {@code show} prints about a run: suites, failures (at most {@code maxFailures}),
   * problems, run errors, input files.
   */
  RunDetail detail(long runId, int maxFailures);

  /**
   * What the command of a run printed, by stream ({@code stdout}, {@code stderr}); empty for
   * ingests.
   */
  java.util.Map<String, dev.evident.model.Excerpt> logs(long runId);

  @Override
  void close();
}
